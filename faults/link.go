package faults

import (
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// Helpers shared by the link-rule faults (drop, delay, duplicate, reorder).

// Links selects the messages a link-rule fault touches: those from From to
// To (AnyNode matches all) of the given Kinds (empty: all kinds).
type Links struct {
	From, To int
	Kinds    []impl.Kind
}

// AllLinks selects every message of the given kinds (none: all kinds).
func AllLinks(kinds ...impl.Kind) Links { return Links{From: AnyNode, To: AnyNode, Kinds: kinds} }

// rule is the LinkRule over these links, with no effect yet.
func (l Links) rule() LinkRule { return LinkRule{From: l.From, To: l.To, Kinds: l.Kinds} }

func (l Links) String() string { return linkString(l.From, l.To, l.Kinds) }

// checkRule is the constructor check: everything but the cluster size, which
// is known only at Inject.
func checkRule(r LinkRule) error {
	for _, v := range []int{r.From, r.To} {
		if v < AnyNode {
			return fmt.Errorf("faults: rule node %d is negative and not AnyNode", v)
		}
	}
	return r.validateShape()
}

// linkString describes the links a rule fault touches, e.g. "*->n2 [heartbeat]".
func linkString(from, to int, kinds []impl.Kind) string {
	s := nodeName(from) + "->" + nodeName(to)
	if len(kinds) > 0 {
		s += fmt.Sprintf(" %v", kinds)
	}
	return s
}

// randomKinds returns no filter half the time, otherwise one random kind, so
// a random nemesis sometimes hits only heartbeats or only votes.
func randomKinds(r *rand.Rand) []impl.Kind {
	if r.IntN(2) == 0 {
		return nil
	}
	all := impl.Kinds()
	return []impl.Kind{all[r.IntN(len(all))]}
}

// randomDuration draws from [lo, hi).
func randomDuration(r *rand.Rand, lo, hi time.Duration) time.Duration {
	return lo + time.Duration(r.Int64N(int64(hi-lo)))
}
