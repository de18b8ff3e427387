package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ballot-go/ballot/checker/report"
	"github.com/ballot-go/ballot/specs/harness"
	"github.com/spf13/cobra"
)

const (
	// maxShrinkTests bounds the schedules ddmin tries, so that a shrink
	// ends even on a flaky failure; ~15 episodes need far fewer.
	maxShrinkTests = 200
	// holdFloor is the shortest hold tried: below an election timeout
	// (150-300 ms in most elections) a fault is a blip nobody reacts to.
	holdFloor = 100 * time.Millisecond
	// nodeTries is --tries for goroutine targets: the scheduler decides
	// their interleavings, so one clean run of a schedule proves little.
	nodeTries = 5
)

func (e *env) shrinkCommand() *cobra.Command {
	var seed uint64
	var tries int
	cmd := &cobra.Command{
		Use:   "shrink DIR",
		Short: "Cut a failing run's fault schedule down to the few faults that still break the same invariant",
		Long: `shrink reads the run directory that chaos run wrote (or a failing seed's
directory inside it) and looks for the smallest part of that seed's
nemesis schedule that still violates the same invariant: the first one the
run violated. It drops episodes (a fault and its heal) by delta debugging,
then shortens each remaining fault's hold, halving it down to 100ms.

It prints the shrunk schedule, the chaos run line that replays it, and a
specs.Regression call to paste into your suite. A Machine replays exactly,
so each schedule is run once; a goroutine node's schedule still fails if
any of --tries runs fails the same way. Ctrl-C stops the shrink and prints
the smallest failing schedule found so far.`,
		Example: `  chaos shrink ~/.cache/ballot/runs/chaos-bug-majority-off-by-one-20261130-101500
  chaos shrink --seed 17 --tries 10 shard-2`,
		Args: exactlyOneFile,
		RunE: func(_ *cobra.Command, args []string) error { return e.shrink(args[0], seed, tries) },
	}
	cmd.Flags().Uint64Var(&seed, "seed", 0, "the seed to shrink, when the run directory holds a sweep (default: its first failing seed)")
	cmd.Flags().IntVar(&tries, "tries", 0, fmt.Sprintf("runs per schedule of a goroutine target; it fails if any run does (default %d; a Machine runs once)", nodeTries))
	return cmd
}

// shrink is chaos shrink: check, confirm the failure, shrink, report.
func (e *env) shrink(path string, seed uint64, tries int) error {
	p, want, err := e.savedRun(path, seed)
	if err != nil {
		return err
	}
	s, err := newShrinker(e, p, want, tries)
	if err != nil {
		return err
	}
	run, err := openRunDir("", "chaos-shrink-"+p.Impl)
	if err != nil {
		return err
	}
	p.useRunDir(run.Dir)
	fmt.Fprintf(e.stderr, "chaos shrink: %s: %d episodes, looking for the fewest that still violate %s\n", p.runName(p.Seed), len(s.all), s.target)
	kept, ok := s.shrink()
	if !ok {
		fmt.Fprintf(e.stdout, "chaos shrink: %s\n\nseed %d did not violate %s again in %s: nothing to shrink (a goroutine node's failure may need more --tries)\n",
			p.describe(), p.Seed, s.target, plural(s.runs, "run"))
		return nil
	}
	return e.writeShrink(s, kept, run)
}

// shrinker holds one shrink's schedule, target and tally.
type shrinker struct {
	e      *env
	p      plan   // the saved run, on its one seed
	target string // the checker the schedule must still violate first
	tries  int
	all    []int                 // the episodes the saved run played
	drawn  map[int]time.Duration // each episode's hold as the schedule drew it
	hold   map[int]time.Duration // holds set by the saved run or by shrink
	runs   int
	tests  int
	last   report.Failure // the last run that failed the same way
	lastO  outcome
	// interrupted is set at Ctrl-C: what has not run proves nothing.
	interrupted bool
}

func newShrinker(e *env, p plan, want outcome, tries int) (*shrinker, error) {
	switch {
	case !want.failed():
		return nil, usagef("seed %d is clean: nothing to shrink", want.Seed)
	case len(want.Violated) == 0:
		return nil, usagef("seed %d violated no invariant (%s): shrink keeps a schedule that violates the same one", want.Seed, want.Headline)
	case tries < 0:
		return nil, usagef("--tries %d: give 1 or more", tries)
	}
	if p.impl.target.Deterministic() {
		tries = 1 // a Machine's run is the same every time
	} else if tries == 0 {
		tries = nodeTries
	}
	p.Seeds, p.Seed, p.Shard = 1, want.Seed, shard{}
	s := &shrinker{e: e, p: p, target: want.Violated[0], tries: tries, drawn: map[int]time.Duration{}, hold: map[int]time.Duration{}}
	return s, s.readSchedule()
}

// readSchedule draws the whole schedule, for its holds, and takes the
// saved run's episodes: all of them, or those it kept.
func (s *shrinker) readSchedule() error {
	whole := s.p.nemesis()
	whole.Episodes = nil
	sched, err := whole.Schedule(s.p.Nodes, s.p.Seed)
	if err != nil {
		return usagef("%v", err)
	}
	for i := range len(sched.Ops) / 2 {
		s.drawn[i] = sched.Ops[2*i+1].At - sched.Ops[2*i].At
		if s.p.Episodes == nil {
			s.all = append(s.all, i)
		}
	}
	for _, ep := range s.p.Episodes {
		s.all = append(s.all, ep.Index)
		s.hold[ep.Index] = ep.Hold
	}
	return nil
}

// shrink confirms that the whole schedule fails, runs ddmin over its
// episodes and shortens the holds of those left. ok is false when the
// saved failure did not come back.
func (s *shrinker) shrink() (kept []int, ok bool) {
	if !s.fails(s.all) && !s.interrupted {
		return nil, false
	}
	kept = ddmin(s.all, s.fails, maxShrinkTests-1)
	for _, i := range kept {
		s.shortenHold(i, kept)
	}
	return kept, true
}

// shortenHold halves episode i's hold while the schedule still fails.
func (s *shrinker) shortenHold(i int, kept []int) {
	h := s.hold[i]
	if h == 0 {
		h = s.drawn[i]
	}
	for h = (h / 2).Round(time.Millisecond); h >= holdFloor && !s.interrupted; h = (h / 2).Round(time.Millisecond) {
		was := s.hold[i]
		s.hold[i] = h
		if !s.fails(kept) {
			s.hold[i] = was
			return
		}
	}
}

func (s *shrinker) episodes(indices []int) []harness.Episode {
	eps := make([]harness.Episode, len(indices))
	for k, i := range indices {
		eps[k] = harness.Episode{Index: i, Hold: s.hold[i]}
	}
	return eps
}

// fails runs the episodes up to tries times: they still fail if a run
// violates the target first. Another first invariant is another failure,
// which a smaller schedule must not be traded for.
func (s *shrinker) fails(indices []int) bool {
	p := s.p
	p.Episodes = s.episodes(indices)
	for try := range s.tries {
		if s.e.ctx.Err() != nil {
			s.interrupted = true
			return false
		}
		if try == 0 {
			s.tests++
		}
		o, f := s.e.probe(p)
		s.runs++
		if s.e.ctx.Err() == nil && o.Error == "" && len(o.Violated) > 0 && o.Violated[0] == s.target {
			s.last, s.lastO = f, o
			fmt.Fprintf(s.e.stderr, "  run %d: episodes %s still violate %s\n", s.runs, formatEpisodes(p.Episodes), s.target)
			return true
		}
	}
	return false
}

// writeShrink saves the last failing run's evidence and results.json (so
// that chaos replay takes the shrink directory), then prints and saves the
// shrunk schedule.
func (e *env) writeShrink(s *shrinker, kept []int, run *report.Run) error {
	p := s.p
	p.Episodes = s.episodes(kept)
	var errs []error
	if s.last.Name != "" {
		dir, err := run.SaveFailure(s.last)
		s.lastO.Saved = relative(run.Dir, dir)
		errs = append(errs, err, writeResults(run.Dir, results{Plan: p, Outcomes: []outcome{s.lastO}}))
	}
	text, err := s.report(p, run.Dir)
	errs = append(errs, err)
	fmt.Fprint(e.stdout, text)
	errs = append(errs, os.WriteFile(filepath.Join(run.Dir, "shrink.txt"), []byte(text), 0o644))
	if err := errors.Join(errs...); err != nil {
		return workErr(fmt.Errorf("writing the shrink in %s: %w", run.Dir, err))
	}
	return errFinding
}

// report is the shrink's text: the schedule, how to replay it, and the
// regression spec.
func (s *shrinker) report(p plan, dir string) (string, error) {
	sched, err := p.nemesis().Schedule(p.Nodes, p.Seed)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	fmt.Fprintf(&b, "chaos shrink: %s\n\n", s.p.describe())
	if s.interrupted {
		fmt.Fprintf(&b, "interrupted (Ctrl-C): the smallest schedule found so far that still fails\n")
	}
	tried := ""
	if s.tries > 1 {
		tried = fmt.Sprintf(" (%s, up to %d runs each)", plural(s.tests, "schedule"), s.tries)
	}
	fmt.Fprintf(&b, "shrunk: %d episodes -> %d, in %s%s, still violating %s\n",
		len(s.all), len(p.Episodes), plural(s.runs, "run"), tried, s.target)
	for k, op := range sched.Ops {
		verb := "inject"
		if op.Heal {
			verb = "heal"
		}
		fmt.Fprintf(&b, "  %2d. %9v  %-6s  %s\n", k+1, op.At.Round(time.Millisecond), verb, op.Fault)
	}
	if s.lastO.Headline != "" {
		fmt.Fprintf(&b, "\nlast failure: %s\n", s.lastO.Headline)
	}
	fmt.Fprintf(&b, "\nreplay:\n  %s\n", p.replayCommand(p.Seed))
	fmt.Fprintf(&b, "\nregression spec, to paste into your suite:\n")
	fmt.Fprintf(&b, "  // target is your implementation's harness.Target; this schedule made %s violate %s.\n  %s\n", p.Impl, s.target, regressionCall(p))
	if s.lastO.Saved != "" {
		fmt.Fprintf(&b, "\nevidence of the last failing run: %s\n", filepath.Join(dir, s.lastO.Saved))
	}
	fmt.Fprintf(&b, "shrink directory: %s\n", dir)
	return b.String(), nil
}

// regressionCall is the specs.Regression call that runs the plan's seed.
func regressionCall(p plan) string {
	n := p.nemesis()
	eps := make([]string, len(n.Episodes))
	for i, ep := range n.Episodes {
		eps[i] = fmt.Sprintf("{Index: %d}", ep.Index)
		if ep.Hold > 0 {
			eps[i] = fmt.Sprintf("{Index: %d, Hold: %s}", ep.Index, goDuration(ep.Hold))
		}
	}
	return fmt.Sprintf("var _ = specs.Regression(target, %d, %d, harness.Nemesis{Length: %s, Every: %s, Settle: %s, Faults: %#v, Episodes: []harness.Episode{%s}})",
		p.Nodes, p.Seed, goDuration(n.Length), goDuration(n.Every), goDuration(n.Settle), n.Faults, strings.Join(eps, ", "))
}

// goDuration writes d as Go source.
func goDuration(d time.Duration) string {
	switch {
	case d%time.Second == 0:
		return fmt.Sprintf("%d * time.Second", d/time.Second)
	case d%time.Millisecond == 0:
		return fmt.Sprintf("%d * time.Millisecond", d/time.Millisecond)
	}
	return fmt.Sprintf("%d * time.Nanosecond", d)
}
