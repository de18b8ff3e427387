package cli

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// renderCard writes the rows as a Markdown table, with the command that
// makes it and what its columns mean.
func renderCard(rows []cardRow, f compareFlags, command string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "`%s`\n\n", command)
	fmt.Fprintf(&b, "%d nodes; %d nemesis seeds each (every fault that applies, 60 s of faults, 10 s to settle); %v with no faults.\n\n", f.nodes, f.seeds, f.quiet)
	b.WriteString("| implementation | replays exactly | clean runs | findings (runs) | re-election after a leader crash or cut, once a majority could talk: p50 / p99 / max | term changes per hour, no faults | vote and pre-vote requests per election | heartbeats per second per follower |")
	if len(f.incidents) > 0 {
		b.WriteString(" incident specs |")
	}
	b.WriteString("\n|---|---|---|---|---|---|---|---|")
	if len(f.incidents) > 0 {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |", r.impl.Name(), replays(r), r.clean(), r.findings(),
			r.reelection(), r.churn(), r.requests(), r.heartbeats())
		if len(f.incidents) > 0 {
			fmt.Fprintf(&b, " %s |", r.incidents)
		}
		b.WriteString("\n")
	}
	if spread := slices.ContainsFunc(rows, func(r cardRow) bool { return !r.exact }); spread {
		b.WriteString("\nA range a–b is the lowest and highest of the repeated measurements of an implementation whose runs ballot does not replay exactly.\n")
	}
	return b.String()
}

func replays(r cardRow) string {
	if r.exact {
		return "yes"
	}
	return fmt.Sprintf("no (%d measurements)", len(r.reps))
}

func (r cardRow) clean() string {
	return r.spread(func(m measures) float64 { return float64(m.Clean) }, "%.0f") + fmt.Sprintf(" of %d", r.runs())
}

func (r cardRow) runs() int {
	if len(r.reps) == 0 {
		return 0
	}
	return r.reps[0].Runs
}

// findings names each invariant violated in any measurement, with the
// runs that violated it.
func (r cardRow) findings() string {
	names := map[string]bool{}
	stopped := false
	for _, m := range r.reps {
		for name := range m.Findings {
			names[name] = true
		}
		stopped = stopped || m.Stopped > 0
	}
	var parts []string
	for _, name := range slices.Sorted(maps.Keys(names)) {
		parts = append(parts, name+" "+r.spread(func(m measures) float64 { return float64(m.Findings[name]) }, "%.0f"))
	}
	if stopped {
		parts = append(parts, "stopped "+r.spread(func(m measures) float64 { return float64(m.Stopped) }, "%.0f"))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

func (r cardRow) reelection() string {
	at := func(p float64) string {
		return r.spread(func(m measures) float64 { return percentile(m.Recoveries, p).Seconds() }, "%.2f")
	}
	if len(r.recoveries()) == 0 {
		return "none measured"
	}
	return fmt.Sprintf("%s / %s / %s s", at(50), at(99), at(100))
}

func (r cardRow) churn() string {
	return r.spread(func(m measures) float64 { return float64(m.QuietTerms) / m.Quiet.Hours() }, "%.1f")
}

func (r cardRow) requests() string {
	return r.spread(func(m measures) float64 {
		if m.Elections == 0 {
			return 0
		}
		return float64(m.Requests) / float64(m.Elections)
	}, "%.1f")
}

func (r cardRow) heartbeats() string {
	return r.spread(func(m measures) float64 {
		if m.QuietFollower == 0 || m.Quiet <= 0 {
			return 0
		}
		return float64(m.QuietBeats) / float64(m.QuietFollower) / m.Quiet.Seconds()
	}, "%.2f")
}

// spread formats one measure of every repetition: the value, or the range.
func (r cardRow) spread(of func(measures) float64, format string) string {
	if len(r.reps) == 0 {
		return "-"
	}
	lo, hi := of(r.reps[0]), of(r.reps[0])
	for _, m := range r.reps[1:] {
		lo, hi = min(lo, of(m)), max(hi, of(m))
	}
	a, b := fmt.Sprintf(format, lo), fmt.Sprintf(format, hi)
	if a == b {
		return a
	}
	return a + "–" + b
}
