package report

import (
	"bufio"
	_ "embed"
	"html/template"
	"io"

	"github.com/ballot-go/ballot/checker"
)

// TimelineOptions says what the header of a timeline page shows.
type TimelineOptions struct {
	// Title names the run, e.g. the spec or scenario; "ballot timeline" if empty.
	Title string
	// Seed is the run's seed, shown so that a reader can replay it.
	Seed uint64
	// Replay is the command that replays the run, shown in the header.
	Replay string
	// PorcupineView is the relative file name of porcupine's view of the
	// run (see checker/porc.Visualize), linked from the header if not empty.
	PorcupineView string
}

// The page is one template with the stylesheet and the script inlined, so
// that the file works when mailed, attached to a CI run or opened offline.
var (
	//go:embed assets/timeline.html
	pageHTML string
	//go:embed assets/timeline.css
	pageCSS string
	//go:embed assets/timeline.js
	pageJS string

	pageTemplate = template.Must(template.New("timeline").Parse(pageHTML))
)

// WriteTimeline writes a self-contained HTML page of h with the findings of
// results marked: every Violation of every Violated Result. The history's
// data travels as JSON in a script block the page's script parses; all text
// from the history is escaped, so hostile log lines cannot break the page.
func WriteTimeline(w io.Writer, h checker.History, results []checker.Result, opts TimelineOptions) error {
	p, err := newPage(h, results, opts)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	if err := pageTemplate.Execute(bw, p); err != nil {
		return err
	}
	return bw.Flush()
}
