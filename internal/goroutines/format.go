package goroutines

import "strings"

// Format returns the Raw texts of gs in id order, separated by blank lines,
// as runtime.Stack prints them.
func Format(gs []Goroutine) string {
	if len(gs) == 0 {
		return ""
	}
	var b strings.Builder
	for i, g := range byID(gs) {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(g.Raw)
	}
	b.WriteString("\n")
	return b.String()
}
