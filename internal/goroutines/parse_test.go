package goroutines

import (
	"strings"
	"testing"
)

func TestParseGolden(t *testing.T) {
	for _, name := range []string{"frozen.stack", "frozen_labels.stack"} {
		t.Run(name, func(t *testing.T) {
			golden(t, name+".golden", renderGoroutines(Parse(readTestdata(t, name))))
		})
	}
}

// The Raw texts, in the order shown and separated by blank lines, are the
// dump again.
func TestParseRawRoundTrip(t *testing.T) {
	dump := string(readTestdata(t, "frozen.stack"))
	gs := Parse([]byte(dump))
	if len(gs) != 12 {
		t.Fatalf("got %d goroutines, want 12", len(gs))
	}
	var raws []string
	for _, g := range gs {
		raws = append(raws, g.Raw)
	}
	if got := strings.Join(raws, "\n\n") + "\n"; got != dump {
		t.Errorf("Raw texts do not rebuild the dump:\n%s", got)
	}
}

func TestParseHeader(t *testing.T) {
	for _, c := range []struct {
		line    string
		id      int
		state   string
		durable bool
		bubble  int
		labels  string
	}{
		{"goroutine 1 [chan receive]:", 1, "chan receive", false, 0, "nil"},
		{"goroutine 5 [running]:", 5, "running", false, 0, "nil"},
		{"goroutine 7 [chan receive, 2 minutes]:", 7, "chan receive", false, 0, "nil"},
		{"goroutine 8 [sleep (durable), synctest bubble 1]:", 8, "sleep", true, 1, "nil"},
		{"goroutine 9 [chan send (durable), 3 minutes, synctest bubble 12]:", 9, "chan send", true, 12, "nil"},
		{"goroutine 10 [sync.Mutex.Lock, synctest bubble 1]:", 10, "sync.Mutex.Lock", false, 1, "nil"},
		{"goroutine 11 [select (no cases) (durable), synctest bubble 2]:", 11, "select (no cases)", true, 2, "nil"},
		{"goroutine 12 [chan receive (nil chan) (durable), synctest bubble 2]:", 12, "chan receive (nil chan)", true, 2, "nil"},
		{"goroutine 13 [sleep (scan) (durable), synctest bubble 1]:", 13, "sleep", true, 1, "nil"},
		{"goroutine 14 [chan receive (durable) (leaked), synctest bubble 1]:", 14, "chan receive", true, 1, "nil"},
		{"goroutine 15 [syscall, locked to thread]:", 15, "syscall", false, 0, "nil"},
		{"goroutine 16 gp=0xc000002380 m=nil [GC worker (idle)]:", 16, "GC worker (idle)", false, 0, "nil"},
		{`goroutine 17 [chan send (durable), synctest bubble 1 labels:{"ballot-node": "1", "role": "a, b]:"}]:`,
			17, "chan send", true, 1, `{"ballot-node":"1", "role":"a, b]:"}`},
		{`goroutine 18 [select labels:{"k": "\t\u00e9"}]:`, 18, "select", false, 0, `{"k":"\té"}`},
	} {
		gs := Parse([]byte(c.line + "\nmain.f()\n\t/x.go:3 +0x1\n"))
		if len(gs) != 1 {
			t.Errorf("%s: got %d goroutines", c.line, len(gs))
			continue
		}
		g := gs[0]
		if g.ID != c.id || g.State != c.state || g.Durable != c.durable || g.Bubble != c.bubble ||
			renderLabels(g.Labels) != c.labels {
			t.Errorf("%s: got id=%d state=%q durable=%t bubble=%d labels=%s", c.line,
				g.ID, g.State, g.Durable, g.Bubble, renderLabels(g.Labels))
		}
	}
}

func TestParseFrames(t *testing.T) {
	dump := `panic: boom

goroutine 21 [running]:
example.com/p.(*T[...]).M(0xc000010000, {0x1, 0x2}, ...)
	C:/Program Files/p/t.go:10 +0x25
example.com/p.g(...)
	/p/g.go:20
...3 frames elided...
example.com/p.h()
	/p/h.go:30 +0x1 fp=0xc0000 sp=0xc0000 pc=0x4
created by example.com/p.Start
	/p/start.go:40 +0x2
[originating from goroutine 3]:
example.com/p.old(...)
	/p/old.go:1 +0x1

goroutine 22 [runnable]:
	goroutine running on other thread; stack unavailable
created by main.main in goroutine 1
	/m.go:9 +0x3
`
	gs := Parse([]byte(dump))
	if len(gs) != 2 {
		t.Fatalf("got %d goroutines", len(gs))
	}
	want := []Frame{
		{"example.com/p.(*T[...]).M", "C:/Program Files/p/t.go", 10},
		{"example.com/p.g", "/p/g.go", 20},
		{"example.com/p.h", "/p/h.go", 30},
	}
	g := gs[0]
	if len(g.Frames) != len(want) {
		t.Fatalf("frames %v, want %v", g.Frames, want)
	}
	for i := range want {
		if g.Frames[i] != want[i] {
			t.Errorf("frame %d = %v, want %v", i, g.Frames[i], want[i])
		}
	}
	if (g.CreatedBy != Frame{"example.com/p.Start", "/p/start.go", 40}) || g.CreatorID != 0 {
		t.Errorf("created by %v in %d", g.CreatedBy, g.CreatorID)
	}
	if !strings.HasSuffix(g.Raw, "/p/old.go:1 +0x1") || strings.HasPrefix(gs[1].Raw, "\n") {
		t.Errorf("raw texts: %q / %q", g.Raw, gs[1].Raw)
	}
	h := gs[1]
	if len(h.Frames) != 0 || h.CreatorID != 1 || (h.CreatedBy != Frame{"main.main", "/m.go", 9}) {
		t.Errorf("goroutine 22: %+v", h)
	}
}

func TestCurrentID(t *testing.T) {
	id := CurrentID()
	if id <= 0 {
		t.Fatalf("CurrentID = %d", id)
	}
	ch := make(chan int)
	go func() { ch <- CurrentID() }()
	if other := <-ch; other <= 0 || other == id {
		t.Errorf("CurrentID in another goroutine = %d, here %d", other, id)
	}
}
