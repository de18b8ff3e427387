package goroutines

import (
	"strconv"
	"strings"
)

// parseLabels reads a label set as printed by the goroutine profile
// (`{"k":"v", "k2":"v2"}`) or by a traceback header under
// GODEBUG=tracebacklabels=1 (`{"k": "v", "k2": "v2"}`). It returns the
// pairs read before any malformed part; nil if none.
func parseLabels(s string) map[string]string {
	s = strings.TrimSpace(s)
	s, ok := strings.CutPrefix(s, "{")
	if !ok {
		return nil
	}
	var m map[string]string
	for {
		s = strings.TrimLeft(s, " ,")
		k, rest, ok := quoted(s)
		if !ok {
			return m
		}
		rest, ok = strings.CutPrefix(strings.TrimLeft(rest, " "), ":")
		if !ok {
			return m
		}
		v, rest, ok := quoted(strings.TrimLeft(rest, " "))
		if !ok {
			return m
		}
		if m == nil {
			m = make(map[string]string)
		}
		m[k] = v
		s = rest
	}
}

// quoted reads one Go-quoted string at the start of s.
func quoted(s string) (val, rest string, ok bool) {
	q, err := strconv.QuotedPrefix(s)
	if err != nil {
		return "", s, false
	}
	v, err := strconv.Unquote(q)
	if err != nil {
		return "", s, false
	}
	return v, s[len(q):], true
}
