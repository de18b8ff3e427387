package cli

import (
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/ballot-go/ballot/specs/harness"
)

// renderCard writes the rows as a Markdown table, with the command that
// makes it and what its columns mean.
func renderCard(rows []cardRow, f compareFlags, command string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "`%s`\n\n", command)
	fmt.Fprintf(&b, "%d nodes; %d nemesis seeds each (every fault that applies, 60 s of faults, 10 s to settle); %v with no faults.\n\n", f.nodes, f.seeds, f.quiet)
	b.WriteString("| implementation | replays exactly | clean runs | findings (runs) | re-election after the leader went down or was cut off, once a majority could talk: p50 / p99 / max | term changes per hour, no faults | vote and pre-vote requests per election | heartbeats (empty AppendEntries) per second per follower, no faults |")
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
	switch {
	case r.exact:
		return "yes"
	case len(r.reps) == 1:
		return "no (1 measurement)"
	}
	return fmt.Sprintf("no (%d measurements)", len(r.reps))
}

func (r cardRow) clean() string {
	return r.spread(func(m measures) float64 { return float64(m.Clean) }, "%.0f") + " of " +
		r.spread(func(m measures) float64 { return float64(m.Runs) }, "%.0f")
}

// findings names each invariant violated in any measurement, with the
// runs that violated it, and says which the implementation declares as a
// deviation by design.
func (r cardRow) findings() string {
	names := map[string]bool{}
	for _, m := range r.reps {
		for name := range m.Findings {
			names[name] = true
		}
	}
	var parts []string
	for _, name := range slices.Sorted(maps.Keys(names)) {
		part := name + " " + r.spread(func(m measures) float64 { return float64(m.Findings[name]) }, "%.0f")
		if slices.ContainsFunc(r.impl.target.Deviations, func(d harness.Deviation) bool { return d.Finding == name }) {
			part += " (declared as a deviation)"
		}
		parts = append(parts, part)
	}
	for _, c := range []struct {
		what string
		of   func(measures) float64
	}{
		{"stopped by the watchdog", func(m measures) float64 { return float64(m.Stopped) }},
		{"could not run", func(m measures) float64 { return float64(m.Broken) }},
	} {
		if r.any(c.of) {
			parts = append(parts, c.what+" "+r.spread(c.of, "%.0f"))
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
}

func (r cardRow) reelection() string {
	at := func(p float64) string {
		return r.spread(func(m measures) float64 {
			d, ok := percentile(m.Recoveries, p)
			if !ok {
				return math.NaN()
			}
			return d.Seconds()
		}, "%.2f")
	}
	if len(r.recoveries()) == 0 {
		return "-"
	}
	return fmt.Sprintf("%s / %s / %s s", at(50), at(99), at(100))
}

func (r cardRow) churn() string {
	return r.spread(func(m measures) float64 {
		if !m.QuietOK || m.QuietSpan <= 0 {
			return math.NaN()
		}
		return float64(m.QuietTerms) / m.QuietSpan.Hours()
	}, "%.1f")
}

func (r cardRow) requests() string {
	return r.spread(func(m measures) float64 {
		if m.Elections == 0 {
			return math.NaN()
		}
		return float64(m.Requests) / float64(m.Elections)
	}, "%.1f")
}

func (r cardRow) heartbeats() string {
	return r.spread(func(m measures) float64 {
		if !m.QuietOK || m.QuietFollowers == 0 || m.QuietSpan <= 0 {
			return math.NaN()
		}
		return float64(m.QuietBeats) / float64(m.QuietFollowers) / m.QuietSpan.Seconds()
	}, "%.2f")
}

// any reports whether some repetition has a non-zero value.
func (r cardRow) any(of func(measures) float64) bool {
	return slices.ContainsFunc(r.reps, func(m measures) bool { return of(m) != 0 })
}

// spread formats one measure of every repetition: the value, or the range
// a–b. A repetition that measured nothing (NaN) is left out; "-" when none
// did.
func (r cardRow) spread(of func(measures) float64, format string) string {
	var vals []float64
	for _, m := range r.reps {
		if v := of(m); !math.IsNaN(v) {
			vals = append(vals, v)
		}
	}
	if len(vals) == 0 {
		return "-"
	}
	a, b := fmt.Sprintf(format, slices.Min(vals)), fmt.Sprintf(format, slices.Max(vals))
	if a == b {
		return a
	}
	return a + "–" + b
}
