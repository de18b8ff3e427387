package report

import (
	"encoding/json"
	"strconv"
)

// The bulky lists of the page's data encode as arrays of arrays (or, for
// messages, as columns), not arrays of objects: field names repeated 100k
// times would triple the page. Each list type documents its layout; the
// script reads the same order.

// tuples appends the JSON array [f(0), f(1), …] of n tuples.
func tuples(n int, f func(b []byte, i int) []byte) ([]byte, error) {
	b := make([]byte, 0, 16+n*40)
	b = append(b, '[')
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = f(b, i)
	}
	return append(b, ']'), nil
}

// appendInts appends the JSON array of vs.
func appendInts(b []byte, vs ...int64) []byte {
	b = append(b, '[')
	for i, v := range vs {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, v, 10)
	}
	return append(b, ']')
}

// appendMixed appends the JSON array of ints followed by strings.
func appendMixed(b []byte, ints []int64, strs ...string) []byte {
	b = appendInts(b, ints...)
	b = b[:len(b)-1] // reopen the array
	for _, s := range strs {
		if b[len(b)-1] != '[' {
			b = append(b, ',')
		}
		b = appendString(b, s)
	}
	return append(b, ']')
}

// appendString appends s as a JSON string. encoding/json escapes <, > and
// & too, so no text from the history can close the page's script block.
func appendString(b []byte, s string) []byte {
	q, err := json.Marshal(s)
	if err != nil { // cannot happen for a string; keep the JSON valid anyway
		return append(b, `""`...)
	}
	return append(b, q...)
}
