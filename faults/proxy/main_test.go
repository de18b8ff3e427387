package proxy

import (
	"testing"

	"github.com/ballot-go/ballot/internal/leakcheck"
)

// The link's tests leave no goroutine running: Close must end them all.
func TestMain(m *testing.M) { leakcheck.Main(m) }
