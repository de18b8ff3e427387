package goroutines

import (
	"strconv"
	"strings"
)

// Record is one entry of the goroutine profile at debug=1: Count goroutines
// with these labels and this stack.
type Record struct {
	Count int
	// Labels are the record's pprof labels, nil when it has none.
	Labels map[string]string
	// Frames are the calls shown, innermost first. The profile hides the
	// runtime frames at the top of the stack and runtime.goexit; a frame
	// without symbol information has only an empty Func.
	Frames []Frame
}

// ParseProfile reads the text of pprof.Lookup("goroutine").WriteTo(w, 1):
//
//	goroutine profile: total 3
//	2 @ 0x43e9d6 0x40a0b5 0x471a61
//	# labels: {"ballot-node":"2"}
//	#	0x40a0b4	main.worker+0x54	/src/main.go:12
//
// Records are separated by blank lines. Malformed input yields what could be
// read.
func ParseProfile(debug1 []byte) []Record {
	var out []Record
	var cur *Record
	flush := func() {
		if cur != nil {
			out = append(out, *cur)
			cur = nil
		}
	}
	for _, line := range strings.Split(string(debug1), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if n, ok := recordCount(line); ok {
			flush()
			cur = &Record{Count: n}
			continue
		}
		if cur == nil {
			continue
		}
		switch {
		case strings.TrimSpace(line) == "":
			flush()
		case strings.HasPrefix(line, "# labels:"):
			cur.Labels = parseLabels(strings.TrimPrefix(line, "# labels:"))
		case strings.HasPrefix(line, "#\t"):
			if f, ok := profileFrame(line); ok {
				cur.Frames = append(cur.Frames, f)
			}
		}
	}
	flush()
	return out
}

// recordCount reads the "COUNT @ 0x..." line that opens a record.
func recordCount(line string) (int, bool) {
	c, rest, ok := strings.Cut(line, " @")
	if !ok || (rest != "" && rest[0] != ' ') {
		return 0, false
	}
	n, err := strconv.Atoi(c)
	if err != nil || n < 0 {
		return 0, false
	}
	return n, true
}

// profileFrame reads "#\t0xPC\tpkg.Func+0xOFF\t/path/file.go:LINE"; the
// fields may be padded with extra tabs, and a frame without symbol
// information shows only the PC.
func profileFrame(line string) (Frame, bool) {
	var fields []string
	for _, f := range strings.Split(strings.TrimPrefix(line, "#"), "\t") {
		if f = strings.TrimSpace(f); f != "" {
			fields = append(fields, f)
		}
	}
	if len(fields) == 0 {
		return Frame{}, false
	}
	var f Frame
	if len(fields) >= 2 {
		f.Func = fields[1]
		if i := strings.LastIndex(f.Func, "+0x"); i >= 0 {
			f.Func = f.Func[:i]
		}
	}
	if len(fields) >= 3 {
		f.File, f.Line = splitFileLine(strings.Join(fields[2:], "\t"))
	}
	return f, true
}
