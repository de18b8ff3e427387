package goroutines

import (
	"bytes"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
)

// Snapshot returns all goroutines, parsed from runtime.Stack and attributed
// to their pprof labels from the goroutine profile taken right after.
//
// Both calls are made directly from Snapshot, so the calling goroutine's
// two stacks differ only in their innermost frames and it is attributed
// too.
func Snapshot() []Goroutine {
	buf := make([]byte, 64<<10)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	var prof bytes.Buffer
	_ = pprof.Lookup("goroutine").WriteTo(&prof, 1)
	gs := Parse(buf)
	Attribute(gs, ParseProfile(prof.Bytes()))
	return gs
}

// CurrentID returns the id of the calling goroutine, 0 if it cannot be read.
func CurrentID() int {
	var buf [64]byte
	s := string(buf[:runtime.Stack(buf[:], false)])
	s, _ = strings.CutPrefix(s, "goroutine ")
	s, _, _ = strings.Cut(s, " ")
	id, _ := strconv.Atoi(s)
	return id
}
