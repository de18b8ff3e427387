package goroutines

import (
	"fmt"
	"strings"
	"testing"
)

func attributed(gs []Goroutine) string {
	var b strings.Builder
	for _, g := range gs {
		fmt.Fprintf(&b, "%d %s\n", g.ID, renderLabels(g.Labels))
	}
	return b.String()
}

// The dump and profile of testdata were taken one after the other from the
// same process; frozen_labels.stack is the same dump under
// GODEBUG=tracebacklabels=1, which shows the true labels.
func TestAttributeCaptured(t *testing.T) {
	gs := Parse(readTestdata(t, "frozen.stack"))
	recs := ParseProfile(readTestdata(t, "frozen.profile"))
	Attribute(gs, recs)
	want := `7 nil
1 {}
8 {}
9 {}
10 {}
11 {"ballot-node":"1"}
12 {"ballot-node":"2"}
13 {"ballot-node":"3", "role":"follower"}
14 {"ballot-node":"4"}
15 {"ballot-node":"4"}
16 nil
17 nil
`
	// 7 took the dump, at another line than the profile; 16 and 17 run the
	// same code for nodes 5 and 6, so their stacks cannot tell them apart.
	if got := attributed(gs); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}

	truth := Parse(readTestdata(t, "frozen_labels.stack"))
	for i, g := range gs {
		if len(g.Labels) > 0 && renderLabels(g.Labels) != renderLabels(truth[i].Labels) {
			t.Errorf("goroutine %d: attributed %s, header says %s", g.ID,
				renderLabels(g.Labels), renderLabels(truth[i].Labels))
		}
	}

	// With labels in the headers, those stay; the others still get theirs.
	Attribute(truth, recs)
	want = strings.NewReplacer("16 nil", `16 {"ballot-node":"5"}`, "17 nil", `17 {"ballot-node":"6"}`).Replace(want)
	if got := attributed(truth); got != want {
		t.Errorf("with header labels got\n%s\nwant\n%s", got, want)
	}
}

func TestAttributeCounts(t *testing.T) {
	f := func(fn string, line int) Frame { return Frame{fn, "/p.go", line} }
	g := func(id int, fs ...Frame) Goroutine { return Goroutine{ID: id, Frames: fs} }
	gs := []Goroutine{
		g(1, f("runtime.gopark", 1), f("p.a", 10)),
		g(2, f("p.a", 10)),
		g(3, f("p.a", 10)),               // a third: the record counts only two
		g(4, f("p.b", 20), f("p.c", 30)), // moved from line 21 to line 20
		g(5, f("p.d", 40)),               // matches no record
	}
	recs := []Record{
		{Count: 2, Labels: map[string]string{"ballot-node": "1"}, Frames: []Frame{f("p.a", 10), f("runtime.goexit", 1)}},
		{Count: 1, Labels: map[string]string{"ballot-node": "2"}, Frames: []Frame{f("p.e", 5), f("p.b", 21), f("p.c", 30)}},
	}
	Attribute(gs, recs)
	want := `1 {"ballot-node":"1"}
2 {"ballot-node":"1"}
3 nil
4 {"ballot-node":"2"}
5 nil
`
	if got := attributed(gs); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	gs[0].Labels["x"] = "y"
	if _, ok := gs[1].Labels["x"]; ok {
		t.Error("goroutines share a labels map")
	}
}

// A dump elides the middle of a deep stack; the profile keeps more frames.
func TestAttributeElided(t *testing.T) {
	var dump, prof strings.Builder
	dump.WriteString("goroutine 4 [chan receive]:\n")
	prof.WriteString("1 @ 0x1\n# labels: {\"ballot-node\":\"3\"}\n")
	for i := range 120 {
		if i < 50 || i >= 70 {
			fmt.Fprintf(&dump, "p.rec(...)\n\t/p.go:%d\n", i+1)
		}
		if i == 50 {
			dump.WriteString("...20 frames elided...\n")
		}
		fmt.Fprintf(&prof, "#\t0x1\tp.rec+0x1\t/p.go:%d\n", i+1)
	}
	gs := Parse([]byte(dump.String()))
	Attribute(gs, ParseProfile([]byte(prof.String())))
	if gs[0].Labels["ballot-node"] != "3" {
		t.Errorf("labels %v", gs[0].Labels)
	}
}
