package cli

import (
	"fmt"
	"strconv"
	"strings"
)

// shard is one part of a sweep split across machines: of N shards, the
// I-th (from 1) runs the seeds whose position in the sweep is I-1 modulo
// N. The zero value is the whole sweep.
type shard struct {
	I int `json:"i,omitempty"`
	N int `json:"n,omitempty"`
}

// parseShard reads --shard "i/n".
func parseShard(s string) (shard, error) {
	if s == "" {
		return shard{}, nil
	}
	is, ns, ok := strings.Cut(s, "/")
	i, errI := strconv.Atoi(is)
	n, errN := strconv.Atoi(ns)
	if !ok || errI != nil || errN != nil || n < 1 || i < 1 || i > n {
		return shard{}, usagef("--shard %q: write i/n, the i-th of n shards, with 1 <= i <= n, such as 2/8", s)
	}
	return shard{I: i, N: n}, nil
}

// owns reports whether the seed at position k of the sweep is this shard's.
func (s shard) owns(k int) bool { return s.N == 0 || k%s.N == s.I-1 }

func (s shard) String() string {
	if s.N == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.I, s.N)
}

func (s shard) describe() string {
	if s.N == 0 {
		return ""
	}
	return fmt.Sprintf(", shard %s", s)
}
