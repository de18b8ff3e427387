package hashiraft_test

import (
	"fmt"

	"github.com/ballot-go/ballot/adapters/hashiraft"
	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/specs/harness"
)

// Three hashicorp/raft nodes on ballot's network elect a leader, and the
// history holds to every invariant. An Example has no *testing.T to hang
// a synctest bubble off, so this cluster runs in real time (a second or
// two); the suite runs the same nodes in virtual time.
func Example() {
	target, err := hashiraft.DefaultConfig().Target("hashicorp/raft")
	if err != nil {
		panic(err)
	}
	target.Realtime = true
	c, err := harness.New(target, harness.Config{Nodes: 3, Seed: 1})
	if err != nil {
		panic(err)
	}
	_, term, err := c.CheckOneLeader()
	c.Close()
	fmt.Println("leader elected:", err == nil, "in a term above the bootstrap's:", term > 1)
	fmt.Println("invariants violated:", checker.Failed(c.Check()))
	// Output:
	// leader elected: true in a term above the bootstrap's: true
	// invariants violated: false
}
