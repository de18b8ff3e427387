package checker

// about is one line per checker of All, for listings (chaos list). A test
// keeps it in step with All.
var about = map[string]string{
	"NoPanic":         "no call into the implementation panics",
	"NoStuck":         "a node answers State within 1 s and its Stop returns; the clock never freezes",
	"ElectionSafety":  "at most one leader per term, from statuses and from heartbeats on the wire",
	"LeaderHasQuorum": "every leader was granted votes for its term by a majority",
	"VoteOnce":        "a node grants at most one vote per term, across restarts too",
	"TermMonotonic":   "a node's term never goes backwards, across restarts too",
	"ReElection":      "a leader within 5 s whenever a majority can still communicate",
	"Stability":       "no term change once the cluster is healthy and agrees on a leader",
	"HeartbeatBudget": "a leader sends each follower no more heartbeats per second than declared",
	"NoLeaks":         "no goroutine of a stopped node outlives it",
}

// About describes the checker called name in one line, or returns "" for a
// name it does not know.
func About(name string) string { return about[name] }
