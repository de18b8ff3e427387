package goroutines

import (
	"slices"
	"testing"
)

func TestBubbleOf(t *testing.T) {
	gs := Parse(readTestdata(t, "frozen.stack"))
	// 7 ran `go synctest.Test`; 8 runs synctest.Test and created the root.
	for creator, want := range map[int]int{7: 1, 8: 1, 1: 0, 10: 0, 99: 0} {
		if got := BubbleOf(gs, creator); got != want {
			t.Errorf("BubbleOf(%d) = %d, want %d", creator, got, want)
		}
	}
	// The test goroutine calling synctest.Test itself is in the bubble.
	direct := []Goroutine{{ID: 5, Bubble: 3, Frames: []Frame{{Func: "testing/synctest.Test"}}, CreatorID: 1}}
	if got := BubbleOf(direct, 5); got != 3 {
		t.Errorf("BubbleOf(direct) = %d, want 3", got)
	}
}

func ids(gs []Goroutine) []int {
	var out []int
	for _, g := range gs {
		out = append(out, g.ID)
	}
	return out
}

func TestFilters(t *testing.T) {
	gs := Parse(readTestdata(t, "frozen_labels.stack"))
	if got := ids(InBubble(gs, 1)); !slices.Equal(got, []int{8, 9, 10, 11, 12, 13, 14, 15, 16, 17}) {
		t.Errorf("InBubble(1) = %v", got)
	}
	if got := ids(InBubble(gs, 0)); !slices.Equal(got, []int{7, 1}) {
		t.Errorf("InBubble(0) = %v", got)
	}
	if got := ids(WithLabel(gs, "ballot-node", "4")); !slices.Equal(got, []int{14, 15}) {
		t.Errorf("WithLabel(4) = %v", got)
	}
	if got := ids(WithLabel(gs, "role", "")); len(got) != 0 {
		t.Errorf("WithLabel(role, \"\") = %v", got)
	}
	var locks, blocked []int
	for _, g := range gs {
		if g.WaitingOnLock() {
			locks = append(locks, g.ID)
		}
		if g.Blocked() {
			blocked = append(blocked, g.ID)
		}
	}
	if !slices.Equal(locks, []int{12, 16, 17}) {
		t.Errorf("WaitingOnLock: %v", locks)
	}
	if !slices.Equal(blocked, []int{8, 9, 10, 11, 12, 13, 14, 15, 16, 17}) {
		t.Errorf("Blocked: %v", blocked)
	}
	for _, s := range []string{"sync.Mutex.Lock", "sync.RWMutex.Lock", "sync.RWMutex.RLock"} {
		if !(Goroutine{State: s}).WaitingOnLock() {
			t.Errorf("%s is not a lock wait", s)
		}
	}
}

func TestFrozen(t *testing.T) {
	gs := Parse(readTestdata(t, "frozen.stack"))
	if !Frozen(gs, Parse(readTestdata(t, "frozen.stack")), 1) {
		t.Error("the captured mutex deadlock is not frozen")
	}
	if Frozen(gs, gs, 0) || Frozen(gs, gs, 2) || Frozen(nil, nil, 1) {
		t.Error("frozen without a bubble")
	}
	edit := func(f func(gs []Goroutine) []Goroutine) []Goroutine {
		c := slices.Clone(gs)
		return f(c)
	}
	for name, cur := range map[string][]Goroutine{
		"all durable": edit(func(c []Goroutine) []Goroutine {
			return slices.DeleteFunc(c, func(g Goroutine) bool { return g.Bubble == 1 && !g.Durable })
		}),
		"one runnable":  edit(func(c []Goroutine) []Goroutine { c[5].State, c[5].Durable = "runnable", false; return c }),
		"state changed": edit(func(c []Goroutine) []Goroutine { c[5].State, c[5].Durable = "chan receive", true; return c }),
		"moved": edit(func(c []Goroutine) []Goroutine {
			c[6].Frames = slices.Clone(c[6].Frames)
			c[6].Frames[0].Line++
			return c
		}),
		"goroutine exited":   edit(func(c []Goroutine) []Goroutine { return slices.Delete(c, 7, 8) }),
		"goroutine replaced": edit(func(c []Goroutine) []Goroutine { c[7].ID = 99; return c }),
	} {
		prev := gs
		if name == "all durable" || name == "one runnable" {
			prev = cur
		}
		if Frozen(prev, cur, 1) {
			t.Errorf("%s: reported frozen", name)
		}
	}
}

func TestFormat(t *testing.T) {
	gs := Parse(readTestdata(t, "frozen.stack"))
	out := Format([]Goroutine{gs[3], gs[0], gs[1]})
	want := gs[1].Raw + "\n\n" + gs[0].Raw + "\n\n" + gs[3].Raw + "\n"
	if out != want {
		t.Errorf("Format:\n%s\nwant\n%s", out, want)
	}
	if Format(nil) != "" {
		t.Error("Format(nil) is not empty")
	}
	if !slices.Equal(ids(Parse([]byte(Format(gs)))), []int{1, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}) {
		t.Error("Format does not parse back")
	}
}
