package checker_test

import (
	"testing"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/impl"
)

func TestDigestTellsHistoriesApart(t *testing.T) {
	base := func() checker.History {
		return checker.History{Nodes: 3, Seed: 7, Events: []checker.Event{
			{At: 5, Type: checker.Observe, Node: 1, Status: impl.Status{ID: 1, Term: 2, Role: impl.Leader, Leader: 1, VotedFor: 1}},
			{At: 6, Type: checker.Send, Node: 1, Msg: impl.Message{From: 1, To: 2, Term: 2, Kind: impl.KindHeartbeat}},
			{At: 7, Type: checker.Topology, Node: 2, Detail: "isolate", Net: &checker.Net{Live: []bool{true, true, false}, Cut: [][]bool{{false}, {true}}}},
		}}
	}
	want := checker.Digest(base())
	if got := checker.Digest(base()); got != want {
		t.Fatalf("one history, two digests: %s and %s", want, got)
	}
	for name, change := range map[string]func(h *checker.History){
		"a seed":         func(h *checker.History) { h.Seed = 8 },
		"a time":         func(h *checker.History) { h.Events[0].At = 4 },
		"a term":         func(h *checker.History) { h.Events[0].Status.Term = 3 },
		"a granted vote": func(h *checker.History) { h.Events[1].Msg.Granted = true },
		"a label":        func(h *checker.History) { h.Events[2].Detail = "isolate " },
		"a live node":    func(h *checker.History) { h.Events[2].Net.Live[2] = true },
		"a cut link":     func(h *checker.History) { h.Events[2].Net.Cut[1][0] = false },
		"an event less":  func(h *checker.History) { h.Events = h.Events[:2] },
	} {
		h := base()
		change(&h)
		if checker.Digest(h) == want {
			t.Errorf("changing %s left the digest as it was", name)
		}
	}
}
