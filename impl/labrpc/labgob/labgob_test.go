package labgob

import (
	"bytes"
	"strings"
	"testing"
)

// captureWarnings sends the warnings to a buffer for the rest of the test,
// and forgets which types were reported.
func captureWarnings(t *testing.T) *bytes.Buffer {
	t.Helper()
	var buf bytes.Buffer
	mu.Lock()
	old := out
	out = &buf
	clear(lowerChecked)
	clear(defaultWarned)
	mu.Unlock()
	t.Cleanup(func() {
		mu.Lock()
		out = old
		mu.Unlock()
	})
	return &buf
}

func warnings(buf *bytes.Buffer) []string {
	mu.Lock()
	defer mu.Unlock()
	s := strings.TrimSpace(buf.String())
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

type persisted struct {
	CurrentTerm int
	VotedFor    int
	Log         []entry
}

type entry struct {
	Term    int
	Command interface{}
}

func TestRoundTrip(t *testing.T) {
	buf := captureWarnings(t)
	Register(entry{})
	var w bytes.Buffer
	e := NewEncoder(&w)
	in := persisted{CurrentTerm: 3, VotedFor: 1, Log: []entry{{Term: 0}, {Term: 2, Command: 7}}}
	if err := e.Encode(in); err != nil {
		t.Fatal(err)
	}
	if err := e.Encode(11); err != nil {
		t.Fatal(err)
	}
	d := NewDecoder(&w)
	var got persisted
	var n int
	if err := d.Decode(&got); err != nil {
		t.Fatal(err)
	}
	if err := d.Decode(&n); err != nil {
		t.Fatal(err)
	}
	if got.CurrentTerm != 3 || got.VotedFor != 1 || len(got.Log) != 2 || got.Log[1].Command != 7 || n != 11 {
		t.Fatalf("decoded %+v and %d", got, n)
	}
	if ws := warnings(buf); ws != nil {
		t.Fatalf("warnings for exported fields and zero destinations: %q", ws)
	}
}

type withLower struct {
	Term  int
	voted int
}

type holdsLower struct {
	Inner []withLower
}

func TestWarnsOncePerTypeAboutLowerCaseFields(t *testing.T) {
	buf := captureWarnings(t)
	var w bytes.Buffer
	e := NewEncoder(&w)
	for range 3 {
		if err := e.Encode(withLower{Term: 1, voted: 2}); err != nil {
			t.Fatal(err)
		}
	}
	want := "labgob warning: lower-case field voted of withLower in RPC or persist/snapshot will break your Raft"
	if ws := warnings(buf); len(ws) != 1 || ws[0] != want {
		t.Fatalf("warnings %q; want once %q", ws, want)
	}
	// Found through a slice of another type too, and still once.
	Register(holdsLower{})
	if err := e.Encode(holdsLower{}); err != nil {
		t.Fatal(err)
	}
	if ws := warnings(buf); len(ws) != 1 {
		t.Fatalf("warnings %q; withLower was already reported", ws)
	}
}

type lowerViaRegister struct{ secret string }

func TestRegisterChecksFields(t *testing.T) {
	buf := captureWarnings(t)
	RegisterName("labgob_test.lowerViaRegister", lowerViaRegister{})
	if ws := warnings(buf); len(ws) != 1 || !strings.Contains(ws[0], "lower-case field secret of lowerViaRegister") {
		t.Fatalf("warnings %q", ws)
	}
}

type reply struct {
	Term    int
	Success bool
}

type nested struct {
	Reply *reply
}

func TestWarnsOncePerTypeAboutNonDefaultDestination(t *testing.T) {
	buf := captureWarnings(t)
	var w bytes.Buffer
	e := NewEncoder(&w)
	for range 4 {
		if err := e.Encode(reply{Term: 0, Success: true}); err != nil {
			t.Fatal(err)
		}
	}
	d := NewDecoder(&w)
	stale := reply{Term: 5}
	if err := d.Decode(&stale); err != nil {
		t.Fatal(err)
	}
	if stale.Term != 5 {
		t.Fatalf("gob overwrote the stale field with a zero (Term %d); the warning's premise changed", stale.Term)
	}
	if err := d.Decode(&stale); err != nil {
		t.Fatal(err)
	}
	want := "labgob warning: Decoding into a non-default variable/field Term may not work"
	if ws := warnings(buf); len(ws) != 1 || ws[0] != want {
		t.Fatalf("warnings %q; want once %q", ws, want)
	}

	// Another type warns again, naming the field path; a zero one does not.
	var fresh reply
	if err := d.Decode(&fresh); err != nil {
		t.Fatal(err)
	}
	var wn bytes.Buffer
	if err := NewEncoder(&wn).Encode(nested{Reply: &reply{Term: 1}}); err != nil {
		t.Fatal(err)
	}
	n := nested{Reply: &reply{Success: true}}
	if err := NewDecoder(&wn).Decode(&n); err != nil {
		t.Fatal(err)
	}
	if ws := warnings(buf); len(ws) != 2 || !strings.Contains(ws[1], "variable/field Reply.Success may") {
		t.Fatalf("warnings %q; want a second one naming Reply.Success", ws)
	}
}

func TestWarnsAboutNonDefaultPlainVariable(t *testing.T) {
	buf := captureWarnings(t)
	var w bytes.Buffer
	if err := NewEncoder(&w).Encode(uint32(9)); err != nil {
		t.Fatal(err)
	}
	x := uint32(4)
	if err := NewDecoder(&w).Decode(&x); err != nil {
		t.Fatal(err)
	}
	if ws := warnings(buf); len(ws) != 1 || !strings.Contains(ws[0], "non-default variable/field uint32") {
		t.Fatalf("warnings %q", ws)
	}
}
