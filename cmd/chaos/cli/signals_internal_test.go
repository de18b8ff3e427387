package cli

import (
	"bytes"
	"context"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The first Ctrl-C cancels the runs' context, with a word to the user.
func TestFirstInterruptCancels(t *testing.T) {
	var stderr bytes.Buffer
	ctx, stop := interruptible(context.Background(), &stderr)
	defer stop()
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ctx.Done():
	case <-time.After(5 * time.Second):
		t.Fatal("SIGINT did not cancel the context within 5s")
	}
	if context.Cause(ctx) != errInterrupted {
		t.Errorf("the cause is %v; want %v", context.Cause(ctx), errInterrupted)
	}
	stop()
	if !strings.Contains(stderr.String(), "Ctrl-C again exits at once") {
		t.Errorf("stderr %q does not say what a second Ctrl-C does", stderr.String())
	}
}
