package labrpc_test

import (
	"testing"

	"github.com/ballot-go/ballot/internal/leakcheck"
)

// The framework's own tests leave no goroutine running.
func TestMain(m *testing.M) { leakcheck.Main(m) }
