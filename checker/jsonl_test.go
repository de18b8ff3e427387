package checker_test

import (
	"bytes"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/internal/hist"
)

// A history survives a round trip through JSON Lines, plain and gzipped,
// event for event.
func TestHistoryRoundTrip(t *testing.T) {
	h := hist.Synthetic(3, 2000)
	h.Seed = 42
	for _, name := range []string{"h.jsonl", "h.jsonl.gz"} {
		path := filepath.Join(t.TempDir(), name)
		if err := checker.SaveHistory(path, h); err != nil {
			t.Fatal(err)
		}
		got, err := checker.LoadHistory(path)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, h) {
			t.Fatalf("%s: the history changed on the way through", name)
		}
	}
}

// The first line says what the file is; every event is a line of its own.
func TestHistoryIsJSONLines(t *testing.T) {
	var b bytes.Buffer
	if err := checker.WriteHistory(&b, hist.Synthetic(3, 50)); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(b.String()), "\n")
	if !strings.Contains(lines[0], `"format":"ballot-history/1"`) || len(lines) < 50 {
		t.Fatalf("got %d lines, first %s", len(lines), lines[0])
	}
}

// Bad input is an error that says where, never a panic.
func TestReadHistoryRejectsBadInput(t *testing.T) {
	for input, want := range map[string]string{
		"":                                    "first line",
		`{"format":"other/9"}`:                "is not",
		"{\"nodes\":3}\n{\"type\":\"bogus\"}": "event 1",
	} {
		_, err := checker.ReadHistory(strings.NewReader(input))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ReadHistory(%q) = %v; want an error mentioning %q", input, err, want)
		}
	}
}
