package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/ballot-go/ballot/checker/report"
)

// results is what results.json holds: the plan and every seed's outcome.
// chaos merge, replay and shrink read it back.
type results struct {
	Plan     plan      `json:"plan"`
	Outcomes []outcome `json:"outcomes"`
	// Interrupted is set when Ctrl-C stopped the sweep: some seeds never ran.
	Interrupted bool `json:"interrupted,omitempty"`
	// Incomplete says which shards a merge lacked, and how many seeds it
	// covers; empty for a whole sweep.
	Incomplete string `json:"incomplete,omitempty"`
}

// finished reports whether every seed of the plan ran to its end.
func (r results) finished() bool { return !r.Interrupted && r.Incomplete == "" }

const resultsFile = "results.json"

// openRunDir makes the run directory: out if given, else a new one under
// report.RunsRoot. It fails before any work if it cannot be written.
func openRunDir(out, name string) (*report.Run, error) {
	if out != "" {
		run, err := report.OpenRun(out)
		if err != nil {
			return nil, usagef("--out %s: %v: give a directory you can write", out, err)
		}
		return run, nil
	}
	root, err := report.RunsRoot()
	if err != nil {
		return nil, usagef("%v", err)
	}
	run, err := report.NewRun(root, unusedName(root, name+"-"+time.Now().Format("20060102-150405")), report.Keep())
	if err != nil {
		return nil, usagef("%v (or give --out DIR)", err)
	}
	return run, nil
}

// unusedName is name, or name-2, name-3, ...: two runs started in the same
// second must not share a directory.
func unusedName(root, name string) string {
	candidate := name
	for i := 2; i < 1000; i++ {
		if _, err := os.Stat(filepath.Join(root, candidate)); os.IsNotExist(err) {
			break
		}
		candidate = fmt.Sprintf("%s-%d", name, i)
	}
	return candidate
}

func writeResults(dir string, r results) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, resultsFile), append(b, '\n'), 0o644)
}

// readResults reads results.json from a run directory, or from the run
// directory above a saved failure's.
func readResults(path string) (results, string, error) {
	for _, dir := range []string{path, filepath.Dir(path)} {
		b, err := os.ReadFile(filepath.Join(dir, resultsFile))
		if err != nil {
			continue
		}
		var r results
		if err := json.Unmarshal(b, &r); err != nil {
			return r, dir, fmt.Errorf("%s: %w", filepath.Join(dir, resultsFile), err)
		}
		return r, dir, nil
	}
	return results{}, "", fmt.Errorf("%s holds no %s, nor does the directory above it: give a directory that chaos run wrote", path, resultsFile)
}

func relative(base, path string) string {
	if rel, err := filepath.Rel(base, path); err == nil {
		return rel
	}
	return path
}

func (e *env) printf(w io.Writer, format string, args ...any) { fmt.Fprintf(w, format, args...) }
