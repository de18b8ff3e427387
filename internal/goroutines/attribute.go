package goroutines

import (
	"maps"
	"strconv"
	"strings"
)

// Attribute sets gs[i].Labels from the goroutine profile records recs
// (captured at about the same time as gs).
//
// Neither format carries both goroutine ids and labels, so goroutines are
// matched to records by their stacks: the sequence of file:line positions,
// leaving out frames of the runtime and of internal/ packages, which one
// format shows and the other does not. A record of Count n covers n
// goroutines; counts are consumed as goroutines are matched.
//
// Goroutines whose Labels are already set (read from the header under
// GODEBUG=tracebacklabels=1) keep them and only consume a record. Goroutines
// whose stack matches records with different labels (say, the same code
// blocked at the same line for two nodes) are ambiguous and keep nil Labels,
// as do goroutines matching no record: only the dump's own labels tell them
// apart, so a test process that needs them should set
// GODEBUG=tracebacklabels=1 (os.Setenv at run time is enough; the runtime
// rereads GODEBUG). A goroutine that moved between the two
// captures (the caller of Snapshot, a running goroutine) may still be
// matched if its stack and a record's agree below the innermost shared
// function and every such record has the same labels.
//
// A goroutine matched to a record without labels gets an empty, non-nil
// map. Each goroutine gets its own copy.
func Attribute(gs []Goroutine, recs []Record) {
	left := make([]int, len(recs))
	keys := make([]string, len(recs))
	frames := make([][]Frame, len(recs))
	for i, r := range recs {
		left[i] = r.Count
		frames[i] = significant(r.Frames)
		keys[i] = key(frames[i])
	}
	gframes := make([][]Frame, len(gs))
	gkeys := make([]string, len(gs))
	inner := make([][]Frame, len(gs)) // frames before an elision, if any
	done := make([]bool, len(gs))
	for i := range gs {
		gframes[i] = significant(gs[i].Frames)
		gkeys[i] = key(gframes[i])
		inner[i] = beforeElision(gs[i].Raw)
	}
	assign := func(i int, labels map[string]string) {
		gs[i].Labels = maps.Clone(labels)
		if gs[i].Labels == nil {
			gs[i].Labels = map[string]string{}
		}
	}

	// Labels from the dump itself are authoritative: consume their records.
	for i := range gs {
		if gs[i].Labels == nil {
			continue
		}
		done[i] = true
		for r := range recs {
			if left[r] > 0 && gkeys[i] == keys[r] && sameLabels(recs[r].Labels, gs[i].Labels) {
				left[r]--
				break
			}
		}
	}

	// Exact matches, by groups of goroutines with the same stack, so that
	// the order of consumption cannot make an ambiguous group look certain.
	groups := map[string][]int{}
	var order []string
	for i := range gs {
		if done[i] || inner[i] != nil || len(gframes[i]) == 0 {
			continue
		}
		if _, ok := groups[gkeys[i]]; !ok {
			order = append(order, gkeys[i])
		}
		groups[gkeys[i]] = append(groups[gkeys[i]], i)
	}
	for _, k := range order {
		var cands []int
		for r := range recs {
			if left[r] > 0 && keys[r] == k {
				cands = append(cands, r)
			}
		}
		ambiguous := !agree(recs, cands)
		for _, i := range groups[k] {
			for len(cands) > 0 && left[cands[0]] == 0 {
				cands = cands[1:]
			}
			if len(cands) == 0 {
				break
			}
			left[cands[0]]--
			done[i] = true
			if !ambiguous {
				assign(i, recs[cands[0]].Labels)
			}
		}
	}

	// One by one: deep stacks compared on the frames before the elision,
	// then goroutines that moved between the captures.
	elided := func(i, r int) bool { return inner[i] != nil && isPrefix(inner[i], frames[r]) }
	loose := func(i, r int) bool { return looseMatch(gframes[i], frames[r]) }
	for _, match := range []func(i, r int) bool{elided, loose} {
		for i := range gs {
			if done[i] {
				continue
			}
			var cands []int
			for r := range recs {
				if left[r] > 0 && match(i, r) {
					cands = append(cands, r)
				}
			}
			if len(cands) == 0 {
				continue
			}
			done[i] = true
			if agree(recs, cands) {
				left[cands[0]]--
				assign(i, recs[cands[0]].Labels)
			}
		}
	}
}

// agree reports whether the records cands all have the same labels.
func agree(recs []Record, cands []int) bool {
	for _, r := range cands {
		if !sameLabels(recs[r].Labels, recs[cands[0]].Labels) {
			return false
		}
	}
	return true
}

// significant drops the frames only one of the two formats shows: runtime
// and internal/ packages, and frames without a function name.
func significant(fs []Frame) []Frame {
	out := make([]Frame, 0, len(fs))
	for _, f := range fs {
		if f.Func == "" || f.Func == "?" ||
			strings.HasPrefix(f.Func, "runtime.") || strings.HasPrefix(f.Func, "internal/") {
			continue
		}
		out = append(out, f)
	}
	return out
}

func key(fs []Frame) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.File)
		b.WriteByte(':')
		b.WriteString(strconv.Itoa(f.Line))
		b.WriteByte('\n')
	}
	return b.String()
}

func samePos(a, b Frame) bool { return a.File == b.File && a.Line == b.Line }

// beforeElision returns the significant frames a goroutine's text shows
// before "...N frames elided..." (a deep stack), nil if nothing was elided.
func beforeElision(raw string) []Frame {
	cut := strings.Index(raw, "\n...")
	if cut < 0 || !strings.Contains(raw[cut:], " frames elided...") {
		return nil
	}
	var fs []Frame
	if ps := Parse([]byte(raw[:cut])); len(ps) > 0 {
		fs = significant(ps[0].Frames)
	}
	if len(fs) == 0 {
		return nil
	}
	return fs
}

// isPrefix reports whether a is the innermost part of b.
func isPrefix(a, b []Frame) bool {
	if len(a) > len(b) {
		return false
	}
	for i := range a {
		if !samePos(a[i], b[i]) {
			return false
		}
	}
	return true
}

// looseMatch reports whether two stacks agree on all their outer frames,
// then on the function (not the line) of the next one, and one of them
// ends there: the goroutine returned or made calls between the captures.
func looseMatch(a, b []Frame) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	i, j := len(a)-1, len(b)-1
	for i >= 0 && j >= 0 && samePos(a[i], b[j]) {
		i, j = i-1, j-1
	}
	if i < 0 || j < 0 {
		return true // one stack is the other's outer part
	}
	return (i == 0 || j == 0) && a[i].Func == b[j].Func
}

// sameLabels compares label sets, treating nil and empty alike.
func sameLabels(a, b map[string]string) bool {
	return maps.Equal(a, b)
}
