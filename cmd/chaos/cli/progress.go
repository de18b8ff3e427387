package cli

import (
	"io"
	"os"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
	"golang.org/x/term"
)

// progress is a bar over a sweep's seeds. It is drawn only on a terminal
// and for more than one seed: a log or a pipe gets no escape codes.
type progress struct {
	p   *mpb.Progress
	bar *mpb.Bar
}

func newProgress(w io.Writer, total int) *progress {
	f, ok := w.(*os.File)
	if total < 2 || !ok || !term.IsTerminal(int(f.Fd())) {
		return &progress{}
	}
	p := mpb.New(mpb.WithOutput(w), mpb.WithWidth(40))
	bar := p.AddBar(int64(total),
		mpb.PrependDecorators(decor.Name("seeds "), decor.CountersNoUnit("%d / %d")),
		mpb.AppendDecorators(decor.Percentage(), decor.Name(" "), decor.AverageETA(decor.ET_STYLE_GO)))
	return &progress{p: p, bar: bar}
}

func (p *progress) increment() {
	if p.bar != nil {
		p.bar.Increment()
	}
}

// wait draws the bar one last time; an interrupted sweep's bar is left
// where it stopped.
func (p *progress) wait() {
	if p.p == nil {
		return
	}
	if !p.bar.Completed() {
		p.bar.Abort(false)
	}
	p.p.Wait()
}
