package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/cmd/chaos/cli"
)

// A sweep stopped by Ctrl-C (its context) still writes the report of the
// seeds that ran, says it was interrupted, and exits 1, not 0. The context
// ends once the first failing seed's evidence is saved, so at least one
// seed has run, however slow the machine.
func TestInterruptedSweepWritesItsReport(t *testing.T) {
	out := t.TempDir()
	t.Setenv("BALLOT_RUNS", t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go cancelOnceExists(ctx, cancel, filepath.Join(out, "bug-majority-off-by-one-seed-1"))
	var stdout, stderr bytes.Buffer
	code := cli.Execute(ctx, t, []string{"run", "--impl", "bug-majority-off-by-one", "--nodes", "3", "--seeds", "1000000", "--out", out}, &stdout, &stderr)
	if code != 1 || !strings.Contains(stdout.String(), "(interrupted: ") {
		t.Fatalf("exit %d; want 1 and an interrupted verdict\n%s%s", code, stdout.String(), stderr.String())
	}
	b, err := os.ReadFile(filepath.Join(out, "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r struct {
		Interrupted bool              `json:"interrupted"`
		Outcomes    []json.RawMessage `json:"outcomes"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	if !r.Interrupted || len(r.Outcomes) == 0 || len(r.Outcomes) >= 1000000 {
		t.Fatalf("results.json: interrupted %t, %d outcomes; want interrupted, with the seeds that ran\n%s", r.Interrupted, len(r.Outcomes), stdout.String())
	}
}

// cancelOnceExists cancels when path exists, or after a minute at most.
func cancelOnceExists(ctx context.Context, cancel func(), path string) {
	defer cancel()
	for range 6000 {
		if _, err := os.Stat(path); err == nil || ctx.Err() != nil {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
}
