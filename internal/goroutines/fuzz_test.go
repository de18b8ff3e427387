package goroutines

import (
	"testing"
)

// exercise runs everything built on the parsed values, which must not panic
// whatever they hold.
func exercise(gs []Goroutine, recs []Record) {
	Attribute(gs, recs)
	for _, g := range gs {
		BubbleOf(gs, g.ID)
		BubbleOf(gs, g.CreatorID)
		Frozen(gs, gs, g.Bubble)
		InBubble(gs, g.Bubble)
		g.Blocked()
	}
	WithLabel(gs, "ballot-node", "1")
	Format(gs)
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"frozen.stack", "frozen_labels.stack"} {
		f.Add(readTestdata(f, name))
	}
	f.Add([]byte("goroutine 1 [x labels:{\"a\": \"b\"]:\nf(\n\t:\n...1 frames elided...\ncreated by  in goroutine x\n"))
	f.Add([]byte("goroutine [:\ngoroutine 2]:\ngoroutine 3 ]:\n\n\t/a:1\n"))
	recs := ParseProfile(readTestdata(f, "frozen.profile"))
	f.Fuzz(func(t *testing.T, dump []byte) {
		gs := Parse(dump)
		for _, g := range gs {
			if g.Raw == "" {
				t.Fatalf("goroutine %d without text", g.ID)
			}
		}
		exercise(gs, recs)
	})
}

func FuzzParseProfile(f *testing.F) {
	f.Add(readTestdata(f, "frozen.profile"))
	f.Add([]byte("1 @\n# labels: {\"a\":\"b\", \"c\n#\t\n#\t0x1\t+0x\t:\n-1 @ 0x1\n"))
	gs := Parse(readTestdata(f, "frozen.stack"))
	f.Fuzz(func(t *testing.T, text []byte) {
		recs := ParseProfile(text)
		exercise(append([]Goroutine(nil), gs...), recs)
	})
}
