package tcpnode

import (
	"testing"

	"github.com/ballot-go/ballot/internal/leakcheck"
)

// Run leaves no goroutine behind: every test's nodes are stopped, and the
// binary fails if anything of theirs still runs.
func TestMain(m *testing.M) { leakcheck.Main(m) }
