// Package report turns a checked History into pages a person reads when
// ballot finds a bug.
//
// WriteTimeline writes timeline.html: one self-contained page (inline CSS
// and JS, no network) with a lane per node coloured by role over time, the
// fault periods shaded, vote and heartbeat messages drawable on demand, the
// nodes' own log lines and the harness's notes as ticks, and every finding
// of the checkers marked in red and listed beside the lanes. The page opens
// zoomed on the earliest finding; clicking another finding moves the view
// to it.
//
//	h := recorder.History()
//	results := checker.Run(h, checker.All()...)
//	f, err := os.Create("timeline.html")
//	if err != nil {
//		return err
//	}
//	defer f.Close()
//	err = report.WriteTimeline(f, h, results, report.TimelineOptions{
//		Title:         "election-under-partition",
//		Seed:          h.Seed,
//		Replay:        "go test ./specs -run TestPartition -seed 42",
//		PorcupineView: "porcupine.html",
//	})
//
// The page stays responsive for a minute of a 7-node cluster with every
// message recorded (about 100k events): it draws on a canvas only what lies
// in the visible range, at most one mark per pixel, lane and kind.
package report
