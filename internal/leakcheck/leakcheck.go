package leakcheck

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/internal/goroutines"
)

// grace is how long goroutines that are on their way out get to exit.
const grace = 5 * time.Second

// Main runs the tests and, if they passed, fails the binary unless every
// goroutine the tests started has exited within grace.
func Main(m *testing.M) {
	code := m.Run()
	if code == 0 {
		if leaked := Leaked(grace); leaked != nil {
			fmt.Fprintf(os.Stderr, "leakcheck: %d goroutines still run %v after the tests passed:\n\n%s\n",
				len(leaked), grace, goroutines.FormatGrouped(leaked, func(g goroutines.Goroutine) string { return fmt.Sprint("goroutine ", g.ID) }))
			code = 1
		}
	}
	os.Exit(code)
}

// Leaked waits up to limit for every goroutine but the caller's and the
// runtime's own to exit, and returns those left.
func Leaked(limit time.Duration) []goroutines.Goroutine {
	deadline := time.Now().Add(limit)
	for wait := time.Millisecond; ; wait = min(2*wait, 100*time.Millisecond) {
		leaked := others()
		if len(leaked) == 0 || time.Now().After(deadline) {
			return leaked
		}
		time.Sleep(wait)
	}
}

// others are every goroutine but the caller's and those the runtime and
// package testing keep.
func others() []goroutines.Goroutine {
	self := goroutines.CurrentID()
	var left []goroutines.Goroutine
	for _, g := range goroutines.Snapshot() {
		if g.ID != self && !ignored(g) {
			left = append(left, g)
		}
	}
	return left
}

// ignored are the goroutines a test binary runs whatever its tests do.
func ignored(g goroutines.Goroutine) bool {
	for _, f := range append(g.Frames, g.CreatedBy) {
		for _, keep := range []string{"testing.(*M).startAlarm", "os/signal.signal_recv", "os/signal.loop", "runtime.ensureSigM", "testing.(*T).Run", "testing.runTests"} {
			if strings.HasPrefix(f.Func, keep) {
				return true
			}
		}
	}
	return false
}
