package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// interruptible is ctx, cancelled by the first Ctrl-C (or SIGTERM): the
// runs in progress stop, and what they recorded is judged and written. A
// second Ctrl-C exits at once.
func interruptible(ctx context.Context, stderr io.Writer) (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(ctx)
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case <-signals:
		case <-done:
			return
		}
		fmt.Fprintln(stderr, "\nchaos: interrupted: finishing (a run judges and writes what it recorded); Ctrl-C again exits at once")
		cancel(errInterrupted)
		select {
		case <-signals:
			fmt.Fprintln(stderr, "chaos: interrupted twice: exiting without a report")
			os.Exit(130)
		case <-done:
		}
	}()
	var once sync.Once
	return ctx, func() {
		once.Do(func() {
			signal.Stop(signals)
			close(done)
			cancel(nil)
		})
	}
}

var errInterrupted = fmt.Errorf("interrupted")
