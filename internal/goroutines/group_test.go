package goroutines

import (
	"strings"
	"testing"
)

// Three nodes parked at the same lock, and one elsewhere.
const sameLockDump = `goroutine 21 [sync.Mutex.Lock, synctest bubble 1 labels:{"ballot-node": "2"}]:
internal/sync.runtime_SemacquireMutex(0x0?, 0x0?, 0x0?)
	/usr/local/go/src/runtime/sema.go:95 +0x25
sync.(*Mutex).Lock(...)
	/usr/local/go/src/sync/mutex.go:46
example.com/raft.(*Raft).ticker(0x1)
	/src/raft/raft.go:40 +0x51
created by example.com/raft.Make in goroutine 9
	/src/raft/raft.go:20 +0x17

goroutine 11 [sync.Mutex.Lock, synctest bubble 1 labels:{"ballot-node": "0"}]:
internal/sync.runtime_SemacquireMutex(0x0?, 0x0?, 0x0?)
	/usr/local/go/src/runtime/sema.go:95 +0x25
sync.(*Mutex).Lock(...)
	/usr/local/go/src/sync/mutex.go:46
example.com/raft.(*Raft).ticker(0x2)
	/src/raft/raft.go:40 +0x51
created by example.com/raft.Make in goroutine 8
	/src/raft/raft.go:20 +0x17

goroutine 16 [chan send (durable), synctest bubble 1 labels:{"ballot-node": "1"}]:
example.com/raft.(*Raft).notify(0x3)
	/src/raft/raft.go:77 +0x51
created by example.com/raft.Make in goroutine 7
	/src/raft/raft.go:21 +0x17

goroutine 14 [sync.Mutex.Lock, synctest bubble 1 labels:{"ballot-node": "1"}]:
internal/sync.runtime_SemacquireMutex(0x0?, 0x0?, 0x0?)
	/usr/local/go/src/runtime/sema.go:95 +0x25
sync.(*Mutex).Lock(...)
	/usr/local/go/src/sync/mutex.go:46
example.com/raft.(*Raft).ticker(0x3)
	/src/raft/raft.go:40 +0x51
created by example.com/raft.Make in goroutine 7
	/src/raft/raft.go:20 +0x17
`

func TestGroupedByStack(t *testing.T) {
	gs := Parse([]byte(sameLockDump))
	groups := Grouped(gs)
	if len(groups) != 2 || len(groups[0].Members) != 3 || len(groups[1].Members) != 1 {
		t.Fatalf("groups of %d goroutines; want one of 3 at the lock and one of 1", len(gs))
	}
	node := func(g Goroutine) string { return "node " + g.Labels["ballot-node"] }
	out := FormatGrouped(gs, node)
	for _, want := range []string{
		"3 goroutine(s) [sync.Mutex.Lock] of node 2, node 0, node 1:\n\tsync.(*Mutex).Lock\n",
		"\texample.com/raft.(*Raft).ticker\n\t\t/src/raft/raft.go:40\n\tcreated by example.com/raft.Make\n",
		"1 goroutine(s) [chan send] of node 1:\n\texample.com/raft.(*Raft).notify\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("FormatGrouped lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "runtime_SemacquireMutex") {
		t.Errorf("FormatGrouped keeps the runtime's own frames:\n%s", out)
	}
}
