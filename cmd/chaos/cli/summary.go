package cli

import (
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/ballot-go/ballot/checker"
)

// maxListed bounds the failing seeds a summary lists one by one.
const maxListed = 5

// summary is the one-screen report of a run or a sweep.
func summary(r results, dir string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "chaos run: %s\n\n", r.Plan.describe())
	failed := failedOutcomes(r.Outcomes)
	writeVerdict(&b, r, len(failed))
	if len(failed) > 0 {
		writeByChecker(&b, failed)
		writeFailedSeeds(&b, failed)
	}
	if len(r.Outcomes) == 1 && len(failed) == 0 {
		o := r.Outcomes[0]
		fmt.Fprintf(&b, "\n%d events recorded; history digest %s\nreplay: %s\n", o.Events, o.History[:min(16, len(o.History))], o.Replay)
	}
	fmt.Fprintf(&b, "\nrun directory: %s\n", dir)
	return b.String()
}

func writeVerdict(b *strings.Builder, r results, failed int) {
	ran := len(r.Outcomes)
	switch {
	case r.Incomplete != "" && failed == 0:
		fmt.Fprintf(b, "verdict: INCOMPLETE: %s clean, but %s\n", plural(ran, "run"), r.Incomplete)
	case failed == 0 && !r.Interrupted:
		fmt.Fprintf(b, "verdict: clean: %s, no finding\n", plural(ran, "run"))
	case failed == 0:
		fmt.Fprintf(b, "verdict: interrupted: %s of %d clean before Ctrl-C (%d cut short, judged on what they had recorded)\n",
			plural(ran, "run"), len(r.Plan.seeds()), countInterrupted(r.Outcomes))
	default:
		fmt.Fprintf(b, "verdict: FOUND SOMETHING: %d of %s failed", failed, plural(ran, "run"))
		if r.Interrupted {
			fmt.Fprintf(b, " (interrupted: %d of %d seeds ran)", ran, len(r.Plan.seeds()))
		}
		if r.Incomplete != "" {
			fmt.Fprintf(b, " (INCOMPLETE: %s)", r.Incomplete)
		}
		b.WriteString("\n")
	}
}

// writeByChecker counts the failing seeds per checker, in checker.All's
// order: root causes first.
func writeByChecker(b *strings.Builder, failed []outcome) {
	fmt.Fprintf(b, "\n")
	w := tabwriter.NewWriter(b, 0, 0, 2, ' ', 0)
	fmt.Fprintf(w, "  invariant\tseeds\tfirst seed\n")
	for _, c := range checker.All() {
		n, first := 0, uint64(0)
		for _, o := range failed {
			if slices.Contains(o.Violated, c.Name()) {
				if n == 0 {
					first = o.Seed
				}
				n++
			}
		}
		if n > 0 {
			fmt.Fprintf(w, "  %s\t%d\t%d\n", c.Name(), n, first)
		}
	}
	if n := countRunErrors(failed); n > 0 {
		fmt.Fprintf(w, "  (the run itself failed or was stopped)\t%d\t\n", n)
	}
	w.Flush()
}

func writeFailedSeeds(b *strings.Builder, failed []outcome) {
	fmt.Fprintf(b, "\nfailing seeds")
	if len(failed) > maxListed {
		fmt.Fprintf(b, " (the first %d; results.json lists all %d)", maxListed, len(failed))
	}
	b.WriteString(":\n")
	for _, o := range failed[:min(maxListed, len(failed))] {
		fmt.Fprintf(b, "  seed %d: %s\n    replay: %s\n", o.Seed, o.Headline, o.Replay)
		if o.Saved != "" {
			fmt.Fprintf(b, "    evidence: %s\n", o.Saved)
		}
	}
}

func failedOutcomes(os []outcome) []outcome {
	var out []outcome
	for _, o := range os {
		if o.failed() {
			out = append(out, o)
		}
	}
	return out
}

func countRunErrors(os []outcome) int {
	n := 0
	for _, o := range os {
		if o.Error != "" || o.Stopped != "" {
			n++
		}
	}
	return n
}

func countInterrupted(os []outcome) int {
	n := 0
	for _, o := range os {
		if o.Interrupted {
			n++
		}
	}
	return n
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
