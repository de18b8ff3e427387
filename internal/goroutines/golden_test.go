package goroutines

import (
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs; got:\n%s", path, got)
	}
}

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func renderLabels(m map[string]string) string {
	if m == nil {
		return "nil"
	}
	var kv []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		kv = append(kv, fmt.Sprintf("%q:%q", k, m[k]))
	}
	return "{" + strings.Join(kv, ", ") + "}"
}

func renderFrames(b *strings.Builder, fs []Frame) {
	for _, f := range fs {
		fmt.Fprintf(b, "\t%s %s:%d\n", f.Func, f.File, f.Line)
	}
}

func renderGoroutines(gs []Goroutine) string {
	var b strings.Builder
	for _, g := range gs {
		fmt.Fprintf(&b, "goroutine %d state=%q durable=%t bubble=%d creator=%d labels=%s\n",
			g.ID, g.State, g.Durable, g.Bubble, g.CreatorID, renderLabels(g.Labels))
		renderFrames(&b, g.Frames)
		fmt.Fprintf(&b, "\tcreated by %s %s:%d\n", g.CreatedBy.Func, g.CreatedBy.File, g.CreatedBy.Line)
	}
	return b.String()
}

func renderRecords(rs []Record) string {
	var b strings.Builder
	for _, r := range rs {
		fmt.Fprintf(&b, "record count=%d labels=%s\n", r.Count, renderLabels(r.Labels))
		renderFrames(&b, r.Frames)
	}
	return b.String()
}
