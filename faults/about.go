package faults

// about is one line per registered fault, for listings (chaos list). A
// test keeps it in step with the registry.
var about = map[string]string{
	"bridge":           "two halves joined only through one node, which both sides can reach",
	"crash":            "a random node stops; only its storage survives until it restarts",
	"crash-leader":     "the leader stops; only its storage survives until it restarts",
	"delay":            "messages on random links take longer, with jitter",
	"drop":             "messages on random links are lost at random",
	"duplicate":        "messages on random links arrive twice, each copy with its own delay",
	"half-open":        "a random node's live connections silently stop delivering, both ways, while new ones work (process clusters)",
	"halves":           "the cluster splits into two random halves (Jepsen's partition-random-halves)",
	"isolate":          "a random node can neither send nor receive",
	"isolate-leader":   "the leader can neither send nor receive",
	"leader-minority":  "the leader is trapped in a minority while the majority must elect another",
	"majorities-ring":  "every node sees a different majority of the ring",
	"one-way":          "messages from some nodes to others are lost while the reverse works",
	"pause":            "a random node is paused: no traffic (and no timers where the network can stop them)",
	"pause-leader":     "the leader is paused: no traffic (and no timers where the network can stop them)",
	"random-partition": "the cluster splits into 2 or 3 random groups",
	"reorder":          "messages on random links overtake one another",
	"skew":             "a random node's clock runs fast or slow (Machines only)",
}

// About describes the registered fault name in one line, or returns "" for
// a name it does not know.
func About(name string) string { return about[name] }
