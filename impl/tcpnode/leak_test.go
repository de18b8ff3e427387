package tcpnode_test

import (
	"testing"
	"time"

	"github.com/ballot-go/ballot/internal/goroutines"
	"github.com/ballot-go/ballot/internal/leakcheck"
)

// Once Run has returned, nothing of the node runs: no accept loop, no
// reader, no link, no HTTP connection. A second later at the latest; the
// HTTP server's connections end just after it closes them.
func TestStoppedNodesLeaveNoGoroutine(t *testing.T) {
	c := newCluster(t, 3)
	c.start(0, 1, 2)
	c.awaitLeader(0, 0, 1, 2)
	for id := range 3 {
		c.stop(id)
	}
	if left := leakcheck.Leaked(time.Second); len(left) > 0 {
		t.Fatalf("%d goroutines run after every Run returned:\n%s", len(left),
			goroutines.FormatGrouped(left, func(g goroutines.Goroutine) string { return g.CreatedBy.Func }))
	}
}
