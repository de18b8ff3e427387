package goroutines

import (
	"strconv"
	"strings"
)

// Frame is one call in a stack: the function and the source position.
type Frame struct {
	Func string
	File string
	Line int
}

// Goroutine is one goroutine of a runtime.Stack(all) dump.
type Goroutine struct {
	ID int
	// State is the wait reason or status, e.g. "sync.Mutex.Lock", "sleep",
	// "chan send", "running", without the "(durable)", "(scan)" and
	// "(leaked)" markers and without the duration, thread and bubble parts.
	State   string
	Durable bool
	// Bubble is the synctest bubble id, 0 when not in a bubble.
	Bubble int
	// Frames are the calls shown, innermost first.
	Frames []Frame
	// CreatedBy is the function and location of the "created by" line.
	CreatedBy Frame
	// CreatorID is the N of "created by ... in goroutine N", 0 if absent.
	CreatorID int
	// Labels are the goroutine's pprof labels: read from the header when
	// the dump was taken with GODEBUG=tracebacklabels=1, else filled by
	// Attribute; nil if unknown, empty if known to have none.
	Labels map[string]string
	// Raw is the goroutine's original text, header included, without the
	// trailing newline.
	Raw string
}

// Parse reads the text of runtime.Stack(buf, true) (or of a crash dump) and
// returns its goroutines in the order shown. Text before the first
// goroutine header is ignored; malformed input yields what could be read.
func Parse(dump []byte) []Goroutine {
	var out []Goroutine
	var cur *Goroutine
	var raw []string
	var pendingFunc string // function line awaiting its file line
	var pending, createdBy, ancestors bool

	flush := func() {
		if cur == nil {
			return
		}
		for len(raw) > 0 && strings.TrimSpace(raw[len(raw)-1]) == "" {
			raw = raw[:len(raw)-1]
		}
		cur.Raw = strings.Join(raw, "\n")
		out = append(out, *cur)
		cur, raw = nil, nil
	}

	for _, line := range strings.Split(string(dump), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if g, ok := parseHeader(line); ok {
			flush()
			cur = &g
			raw = []string{line}
			pending, createdBy, ancestors = false, false, false
			continue
		}
		if cur == nil {
			continue
		}
		raw = append(raw, line)
		switch {
		case ancestors || strings.TrimSpace(line) == "":
			// Blank lines end the goroutine; text after an ancestor header
			// (GODEBUG=tracebackancestors) belongs to other goroutines.
			pending = false
		case strings.HasPrefix(line, "[originating from goroutine "):
			ancestors, pending = true, false
		case strings.HasPrefix(line, "\t"):
			if !pending {
				continue
			}
			file, ln := parseFileLine(line)
			if createdBy {
				cur.CreatedBy = Frame{Func: pendingFunc, File: file, Line: ln}
			} else {
				cur.Frames = append(cur.Frames, Frame{Func: pendingFunc, File: file, Line: ln})
			}
			pending = false
		case strings.HasPrefix(line, "...") && strings.HasSuffix(line, "elided..."):
			pending = false
		case strings.HasPrefix(line, "created by "):
			fn := strings.TrimPrefix(line, "created by ")
			if i := strings.LastIndex(fn, " in goroutine "); i >= 0 {
				if n, err := strconv.Atoi(strings.TrimSpace(fn[i+len(" in goroutine "):])); err == nil {
					cur.CreatorID = n
				}
				fn = fn[:i]
			}
			cur.CreatedBy = Frame{Func: fn}
			pendingFunc, pending, createdBy = fn, true, true
		default:
			pendingFunc, pending, createdBy = funcName(line), true, false
		}
	}
	flush()
	return out
}

// parseHeader reads "goroutine N [state, ...]:", including the
// "gp=... m=..." words of GOTRACEBACK=system and the labels of
// GODEBUG=tracebacklabels=1.
func parseHeader(line string) (Goroutine, bool) {
	var g Goroutine
	rest, ok := strings.CutPrefix(line, "goroutine ")
	if !ok || !strings.HasSuffix(rest, "]:") {
		return g, false
	}
	end := 0
	for end < len(rest) && rest[end] >= '0' && rest[end] <= '9' {
		end++
	}
	id, err := strconv.Atoi(rest[:end])
	if err != nil {
		return g, false
	}
	open := strings.IndexByte(rest, '[')
	if open < end {
		return g, false
	}
	g.ID = id
	inner := rest[open+1 : len(rest)-len("]:")]
	if i := strings.Index(inner, " labels:{"); i >= 0 {
		g.Labels = parseLabels(inner[i+len(" labels:"):])
		inner = inner[:i]
	}
	parts := strings.Split(inner, ", ")
	g.State, g.Durable = stripMarkers(parts[0])
	for _, p := range parts[1:] {
		if s, ok := strings.CutPrefix(p, "synctest bubble "); ok {
			if n, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
				g.Bubble = n
			}
		}
	}
	return g, true
}

// stripMarkers removes the " (durable)", " (scan)" and " (leaked)" markers
// the runtime appends to a wait reason, reporting whether it was durable.
func stripMarkers(s string) (state string, durable bool) {
	for {
		switch {
		case strings.HasSuffix(s, " (durable)"):
			s, durable = strings.TrimSuffix(s, " (durable)"), true
		case strings.HasSuffix(s, " (scan)"):
			s = strings.TrimSuffix(s, " (scan)")
		case strings.HasSuffix(s, " (leaked)"):
			s = strings.TrimSuffix(s, " (leaked)")
		default:
			return s, durable
		}
	}
}

// funcName strips the argument list from "pkg.(*T).F(0x1, ...)". Arguments
// hold no parentheses, so the last "(" opens them.
func funcName(line string) string {
	line = strings.TrimSpace(line)
	if strings.HasSuffix(line, ")") {
		if i := strings.LastIndexByte(line, '('); i > 0 {
			return line[:i]
		}
	}
	return line
}

// parseFileLine reads "\t/path/file.go:LINE +0xOFF" (possibly followed by
// " fp=... sp=... pc=..." under GOTRACEBACK=system).
func parseFileLine(line string) (string, int) {
	s := strings.TrimSpace(line)
	if i := strings.Index(s, " +0x"); i >= 0 {
		s = s[:i]
	}
	if i := strings.Index(s, " fp="); i >= 0 {
		s = s[:i]
	}
	return splitFileLine(s)
}

// splitFileLine splits "file:LINE" at the last colon.
func splitFileLine(s string) (string, int) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return s, 0
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil {
		return s, 0
	}
	return s[:i], n
}
