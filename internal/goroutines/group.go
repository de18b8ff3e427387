package goroutines

import (
	"fmt"
	"strings"
)

// Group is goroutines that stand at the same place: the same state, the
// same frames and the same creator. A node that leaks one goroutine per
// peer, or a cluster whose nodes all hang in one call, is one group.
type Group struct {
	State     string
	Frames    []Frame
	CreatedBy Frame
	// Members are the goroutines of the group, in id order.
	Members []Goroutine
}

// Grouped groups gs by where they stand, in the order in which each
// group's first member comes in gs.
func Grouped(gs []Goroutine) []Group {
	var groups []Group
	index := map[string]int{}
	for _, g := range gs {
		k := g.State + "\x00" + key(g.Frames) + "\x00" + frameKey(g.CreatedBy)
		i, ok := index[k]
		if !ok {
			i = len(groups)
			index[k] = i
			groups = append(groups, Group{State: g.State, Frames: g.Frames, CreatedBy: g.CreatedBy})
		}
		groups[i].Members = append(groups[i].Members, g)
	}
	return groups
}

// FormatGrouped prints gs one group at a time: a header with the count, the
// state and the owners that name gives each member (a node, say), then the
// stack once. It is how a dump of a hundred goroutines stays readable.
func FormatGrouped(gs []Goroutine, name func(Goroutine) string) string {
	var b strings.Builder
	for i, grp := range Grouped(gs) {
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%d goroutine(s) [%s] of %s:\n%s", len(grp.Members), grp.State, owners(grp.Members, name), FormatFrames(userFrames(grp.Frames)))
		if grp.CreatedBy.Func != "" {
			fmt.Fprintf(&b, "\tcreated by %s\n\t\t%s:%d\n", grp.CreatedBy.Func, grp.CreatedBy.File, grp.CreatedBy.Line)
		}
	}
	return b.String()
}

// FormatFrames prints frames innermost first, one function and its
// position per pair of indented lines.
func FormatFrames(frames []Frame) string {
	var b strings.Builder
	for _, f := range frames {
		fmt.Fprintf(&b, "\t%s\n\t\t%s:%d\n", f.Func, f.File, f.Line)
	}
	return b.String()
}

// userFrames drops the runtime's own frames from the top of a stack (how a
// lock or a channel parks a goroutine), keeping the first call that a
// program makes.
func userFrames(frames []Frame) []Frame {
	for i, f := range frames {
		if !strings.HasPrefix(f.Func, "runtime.") && !strings.HasPrefix(f.Func, "internal/") {
			return frames[i:]
		}
	}
	return frames
}

// owners lists the distinct names of gs, in order.
func owners(gs []Goroutine, name func(Goroutine) string) string {
	var names []string
	seen := map[string]bool{}
	for _, g := range gs {
		if n := name(g); !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}

func frameKey(f Frame) string { return fmt.Sprintf("%s %s:%d", f.Func, f.File, f.Line) }
