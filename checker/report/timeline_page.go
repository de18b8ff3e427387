package report

import (
	"encoding/json"
	"html/template"
	"strconv"
	"time"

	"github.com/ballot-go/ballot/checker"
)

// page is what the template renders. The header, the lanes and the list of
// findings are rendered here, in Go, so that they read (and test) without
// the script; the script draws the rest from Data.
type page struct {
	Title     string
	Seed      string
	Replay    string
	Porcupine string
	Events    int
	Span      string
	Lanes     []int
	Empty     bool
	Findings  []findingItem
	Results   []resultItem
	Data      json.RawMessage // html/template escapes it for the script block
	Style     template.CSS
	Script    template.JS
}

func newPage(h checker.History, results []checker.Result, opts TimelineOptions) (*page, error) {
	d := buildData(h, results)
	raw, err := json.Marshal(d)
	if err != nil {
		return nil, err
	}
	p := &page{
		Title:     opts.Title,
		Seed:      strconv.FormatUint(opts.Seed, 10),
		Replay:    opts.Replay,
		Porcupine: opts.PorcupineView,
		Events:    len(h.Events),
		Span:      time.Duration(d.End - d.Start).String(),
		Lanes:     make([]int, d.Lanes),
		Empty:     len(h.Events) == 0,
		Findings:  findingItems(d.Findings),
		Results:   resultItems(results),
		Data:      raw,
		Style:     template.CSS(pageCSS),
		Script:    template.JS(pageJS),
	}
	if p.Title == "" {
		p.Title = "ballot timeline"
	}
	for i := range p.Lanes {
		p.Lanes[i] = i
	}
	return p, nil
}
