package cli

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/specs/harness"
)

// runFlags are the flags of chaos run, as typed.
type runFlags struct {
	impl     string
	nodes    int
	length   time.Duration
	interval time.Duration
	settle   time.Duration
	nemesis  string
	seed     uint64
	seeds    int
	realTime bool
	out      string
	shard    string
	episodes string
	workers  int
	cluster  string
	// nodesSet is whether --nodes was given: a cluster file says how many.
	nodesSet bool
}

// plan is a validated chaos run: what to run, on which seeds. It is saved
// in the run directory (run.json), so that replay, shrink and merge can
// rebuild it.
type plan struct {
	Impl     string   `json:"impl"`
	Nodes    int      `json:"nodes"`
	Time     duration `json:"time"`
	Interval duration `json:"interval"`
	Settle   duration `json:"settle"`
	Nemesis  []string `json:"nemesis"`
	Seed     uint64   `json:"seed"`
	Seeds    int      `json:"seeds"`
	Shard    shard    `json:"shard"`
	RealTime bool     `json:"real_time,omitempty"`
	// Cluster is the cluster file of a run of real processes.
	Cluster  string            `json:"cluster,omitempty"`
	Episodes []harness.Episode `json:"episodes,omitempty"`

	impl    implementation
	workers int
	// runDir is where a cluster's runs keep their nodes' directories, once
	// the run directory exists.
	runDir *string
}

// newPlan checks every flag before anything runs, and says what would be
// valid for each mistake.
func newPlan(c catalog, f runFlags) (plan, error) {
	runDir := new(string)
	impl, err := f.implementation(c, runDir)
	if err != nil {
		return plan{}, err
	}
	p := plan{Impl: impl.Name(), Nodes: f.nodes, Cluster: f.cluster, runDir: runDir, Time: duration(f.length), Interval: duration(f.interval),
		Settle: duration(f.settle), Seed: f.seed, Seeds: f.seeds, RealTime: f.realTime, impl: impl, workers: f.workers}
	checks := []func() error{
		func() error { return p.checkNumbers() },
		func() error { return p.checkRealTime() },
		func() (err error) { p.Nemesis, err = parseNemesis(f.nemesis, impl.target); return err },
		func() (err error) { p.Shard, err = parseShard(f.shard); return err },
		func() (err error) { p.Episodes, err = parseEpisodes(f.episodes); return err },
	}
	for _, check := range checks {
		if err := check(); err != nil {
			return plan{}, err
		}
	}
	if p.Cluster != "" {
		p.workers = 1 // each run starts the whole cluster
	}
	if p.RealTime {
		p.impl.target.Realtime = true
	}
	return p, nil
}

func (p plan) checkNumbers() error {
	switch {
	case p.Nodes < 1 || p.Nodes > harness.MaxNodes:
		return usagef("--nodes %d: a cluster has 1 to %d nodes (5 is the usual)", p.Nodes, harness.MaxNodes)
	case p.Seeds < 1:
		return usagef("--seeds %d: give how many seeds to run, 1 or more", p.Seeds)
	case p.Time <= 0:
		return usagef("--time %v: give how long faults are injected, such as 60s", p.Time)
	case p.Interval <= 0:
		return usagef("--interval %v: give the mean time between faults, such as 4s", p.Interval)
	case p.Settle < 0:
		return usagef("--settle %v: give how long the healed cluster runs at the end, such as 10s", p.Settle)
	case p.workers < 0:
		return usagef("--workers %d: give how many runs go at once, or 0 for one per core", p.workers)
	}
	return nil
}

// implementation is --impl, or the cluster of --cluster, whose size must
// then agree with --nodes if that is given.
func (f *runFlags) implementation(c catalog, runDir *string) (implementation, error) {
	if f.cluster == "" {
		return c.lookup(f.impl)
	}
	cluster, err := readCluster(f.cluster)
	if err != nil {
		return implementation{}, err
	}
	if f.nodesSet && f.nodes != len(cluster.Nodes) {
		return implementation{}, usagef("--nodes %d, but %s describes %d nodes: leave --nodes out", f.nodes, f.cluster, len(cluster.Nodes))
	}
	f.nodes = len(cluster.Nodes)
	if abs, err := filepath.Abs(f.cluster); err == nil {
		f.cluster = abs
	}
	return clusterTarget(f.cluster, cluster, runDir), nil
}

func (p plan) checkRealTime() error {
	if p.RealTime && p.impl.target.External != nil {
		return usagef("--real-time: a cluster's processes run in real time already; leave it out")
	}
	if p.RealTime && !p.impl.target.IsNode() {
		return usagef("--real-time: %s is a deterministic Machine, which runs in the simulator's time; --real-time is for goroutine implementations", p.Impl)
	}
	return nil
}

// parseNemesis reads --nemesis: "all", or fault names separated by commas;
// a name with a leading "-" leaves that fault out, of all when it comes
// first ("-half-open" is every fault but half-open).
func parseNemesis(s string, t harness.Target) ([]string, error) {
	s = strings.TrimSpace(s)
	if s == "all" || s == "" {
		return t.Faults(), nil
	}
	var names []string
	for i, item := range strings.Split(s, ",") {
		item = strings.TrimSpace(item)
		name, leaveOut := strings.CutPrefix(item, "-")
		if item == "all" || i == 0 && leaveOut {
			names = t.Faults()
		}
		if item == "all" {
			continue
		}
		if err := checkNemesisName(name, leaveOut, t); err != nil {
			return nil, err
		}
		switch {
		case leaveOut:
			names = slices.DeleteFunc(names, func(n string) bool { return n == name })
		case !slices.Contains(names, name):
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		return nil, usagef("--nemesis %q leaves no fault to inject; name at least one, or all", s)
	}
	return names, nil
}

// checkNemesisName refuses a name that is not a fault, and one to inject
// that does not apply to the target. Leaving out one that does not apply
// is fine: it was not there.
func checkNemesisName(name string, leaveOut bool, t harness.Target) error {
	if _, err := faults.Lookup(name); err != nil {
		return usagef("--nemesis: unknown fault %q: the faults are all, or any of %s (a leading - leaves one out)", name, strings.Join(faults.Names(), ", "))
	}
	if ok, why := t.FaultApplies(name); !ok && !leaveOut {
		return usagef("--nemesis: %s does not apply to %s: %s", name, t.Name, why)
	}
	return nil
}

// parseEpisodes reads --episodes, a shrunk schedule: "3,7@1.5s" keeps
// episodes 3 and 7 of the drawn schedule, 7 healed 1.5 s after it starts.
func parseEpisodes(s string) ([]harness.Episode, error) {
	if s == "" {
		return nil, nil
	}
	var eps []harness.Episode
	for _, part := range strings.Split(s, ",") {
		index, hold, found := strings.Cut(strings.TrimSpace(part), "@")
		i, err := strconv.Atoi(index)
		if err != nil || i < 0 {
			return nil, usagef("--episodes %q: %q is not an episode number; write numbers from the schedule, each perhaps with @hold, such as 3,7@1.5s", s, index)
		}
		e := harness.Episode{Index: i}
		if found {
			if e.Hold, err = time.ParseDuration(hold); err != nil || e.Hold <= 0 {
				return nil, usagef("--episodes %q: hold %q is not a positive duration, such as 1.5s", s, hold)
			}
		}
		eps = append(eps, e)
	}
	return eps, nil
}

// seeds are the plan's seeds, those of its shard only.
func (p plan) seeds() []uint64 {
	var out []uint64
	for i := range p.Seeds {
		if p.Shard.owns(i) {
			out = append(out, p.Seed+uint64(i))
		}
	}
	return out
}

// nemesis is the harness's description of the plan's faults.
func (p plan) nemesis() harness.Nemesis {
	return harness.Nemesis{Length: time.Duration(p.Time), Every: time.Duration(p.Interval), Settle: time.Duration(p.Settle),
		Faults: p.Nemesis, Episodes: p.Episodes}
}

// describe is the plan in one line, for the top of a report.
func (p plan) describe() string {
	faults := fmt.Sprintf("%d faults", len(p.Nemesis))
	if len(p.Nemesis) <= 3 {
		faults = strings.Join(p.Nemesis, ", ")
	}
	seeds := fmt.Sprintf("seed %d", p.Seed)
	if p.Seeds > 1 {
		seeds = fmt.Sprintf("seeds %d to %d", p.Seed, p.Seed+uint64(p.Seeds)-1)
	}
	return fmt.Sprintf("%s on %d nodes, %s: %v of faults (%s, one every ~%v), then %v to settle%s",
		p.Impl, p.Nodes, seeds, p.Time, faults, p.Interval, p.Settle, p.Shard.describe())
}

// useRunDir tells a cluster's runs where the run directory is.
func (p plan) useRunDir(dir string) {
	if p.runDir != nil {
		*p.runDir = dir
	}
}
