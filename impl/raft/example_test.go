package raft_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/raft"
)

// Three machines, a perfect network and a fixed seed: the same leader wins
// the same term on every run.
func Example() {
	factory, err := raft.DefaultConfig().Factory()
	if err != nil {
		panic(err)
	}
	peers := []int{0, 1, 2}
	machines := make([]impl.Machine, len(peers))
	for _, id := range peers {
		machines[id], err = factory(impl.MachineConfig{
			ID:      id,
			Peers:   peers,
			Storage: impl.NewMemStorage(),
			Rand:    rand.New(rand.NewPCG(1, uint64(id))),
		})
		if err != nil {
			panic(err)
		}
	}
	for tick := 0; tick < 200; tick++ {
		for _, m := range machines {
			m.Tick()
		}
		for delivered := true; delivered; {
			delivered = false
			for _, m := range machines {
				for _, msg := range m.Ready() {
					machines[msg.To].Step(msg)
					delivered = true
				}
			}
		}
	}
	for _, m := range machines {
		fmt.Println(m.Status())
	}
	// Output:
	// n0 t1 leader leader=0 vote=0
	// n1 t1 follower leader=0 vote=0
	// n2 t1 follower leader=0 vote=0
}
