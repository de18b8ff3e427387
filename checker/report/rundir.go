package report

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/porc"
)

// Where runs go, and how many are kept.
const (
	// RunsEnv names the directory that holds the run directories. Unset,
	// it is ballot/runs under the user's cache directory (on Linux
	// $XDG_CACHE_HOME/ballot/runs, else ~/.cache/ballot/runs).
	RunsEnv = "BALLOT_RUNS"
	// KeepEnv is how many run directories to keep, the newest; default
	// DefaultKeep. Older ones are removed when a run starts.
	KeepEnv     = "BALLOT_KEEP_RUNS"
	DefaultKeep = 20
)

// compressAbove is the number of events above which a saved history is
// gzipped: 20k events are a few megabytes of JSON.
const compressAbove = 20000

// RunsRoot is the directory that holds the run directories.
func RunsRoot() (string, error) {
	if dir := os.Getenv(RunsEnv); dir != "" {
		return dir, nil
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		return "", fmt.Errorf("report: no place for run directories (%v): set %s", err, RunsEnv)
	}
	return filepath.Join(cache, "ballot", "runs"), nil
}

// Run is one run directory: one per suite or CLI run, with a subdirectory
// per failure. It is safe for concurrent use.
type Run struct {
	Dir  string
	mu   sync.Mutex
	used map[string]bool
}

// NewRun makes the run directory name under root, first removing the
// oldest run directories so that keep remain with the new one.
func NewRun(root, name string, keep int) (*Run, error) {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, fmt.Errorf("report: cannot make %s (set %s to a writable directory): %w", root, RunsEnv, err)
	}
	if err := prune(root, keep-1, name); err != nil {
		return nil, err
	}
	dir := filepath.Join(root, slug(name))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, runMarker), nil, 0o644); err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return &Run{Dir: dir, used: map[string]bool{}}, nil
}

// OpenRun makes dir, a run directory the user named (chaos run --out),
// and checks that it can be written. Nothing around it is pruned.
func OpenRun(dir string) (*Run, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("report: cannot make the run directory: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, runMarker), nil, 0o644); err != nil {
		return nil, fmt.Errorf("report: cannot write in the run directory: %w", err)
	}
	return &Run{Dir: dir, used: map[string]bool{}}, nil
}

// Keep reads KeepEnv, or gives DefaultKeep.
func Keep() int {
	if n, err := strconv.Atoi(os.Getenv(KeepEnv)); err == nil && n > 0 {
		return n
	}
	return DefaultKeep
}

// runMarker marks a run directory, so that pruning never touches anything
// else that happens to live in the runs directory.
const runMarker = ".ballot-run"

// prune removes the oldest run directories of root, other than name, until
// at most keep are left. Only directories with the run marker are touched.
func prune(root string, keep int, name string) error {
	entries, err := os.ReadDir(root)
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	type run struct {
		path string
		mod  int64
	}
	var runs []run
	for _, e := range entries {
		if !e.IsDir() || e.Name() == slug(name) {
			continue
		}
		if _, err := os.Stat(filepath.Join(root, e.Name(), runMarker)); err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		runs = append(runs, run{filepath.Join(root, e.Name()), info.ModTime().UnixNano()})
	}
	slices.SortFunc(runs, func(a, b run) int { return int(b.mod>>20) - int(a.mod>>20) })
	var errs []error
	for _, r := range runs[min(len(runs), max(keep, 0)):] {
		errs = append(errs, os.RemoveAll(r.path))
	}
	return errors.Join(errs...)
}

// SaveFailure writes f into a subdirectory named after it: summary.txt
// (Text), history.jsonl (gzipped when large), timeline.html, and
// porcupine.html around the first finding when there is one. It returns the
// subdirectory.
func (r *Run) SaveFailure(f Failure) (string, error) {
	dir := filepath.Join(r.Dir, r.claim(f.Name))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("report: %w", err)
	}
	errs := []error{os.WriteFile(filepath.Join(dir, "summary.txt"), []byte(f.Full(dir)), 0o644)}
	view := ""
	if v := f.Violated(); len(v) > 0 && len(v[0].Violations) > 0 {
		view = "porcupine.html"
		errs = append(errs, writeFile(filepath.Join(dir, view), func(file *os.File) error {
			return porc.Visualize(file, f.History, v[0].Violations[0].At, porcupineWindow)
		}))
	}
	errs = append(errs, SaveEvidence(dir, f.History, f.Results, TimelineOptions{Title: f.Name, Seed: f.Seed, Replay: first(f.Replay), PorcupineView: view}))
	return dir, errors.Join(errs...)
}

// SaveEvidence writes a run's history.jsonl (gzipped when large) and its
// timeline.html into dir.
func SaveEvidence(dir string, h checker.History, results []checker.Result, opts TimelineOptions) error {
	history := "history.jsonl"
	if len(h.Events) > compressAbove {
		history += ".gz"
	}
	return errors.Join(
		checker.SaveHistory(filepath.Join(dir, history), h),
		writeFile(filepath.Join(dir, "timeline.html"), func(file *os.File) error {
			return WriteTimeline(file, h, results, opts)
		}))
}

// WriteSummary writes the run's own summary.txt.
func (r *Run) WriteSummary(text string) error {
	return os.WriteFile(filepath.Join(r.Dir, "summary.txt"), []byte(text), 0o644)
}

// claim returns a subdirectory name for a failure, unique within the run.
func (r *Run) claim(name string) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	base := slug(name)
	s := base
	for i := 2; r.used[s]; i++ {
		s = fmt.Sprintf("%s-%d", base, i)
	}
	r.used[s] = true
	return s
}

var unsafeChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// slug makes a name usable as a file name: "fault matrix crash on 3 nodes"
// becomes "fault-matrix-crash-on-3-nodes".
func slug(name string) string {
	s := strings.Trim(unsafeChars.ReplaceAllString(name, "-"), "-.")
	if len(s) > 120 {
		s = s[:120]
	}
	if s == "" {
		return "run"
	}
	return s
}

func writeFile(path string, write func(*os.File) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}
