package leakcheck

import (
	"strings"
	"testing"
	"time"
)

func TestLeakedFindsAGoroutineThatNeverExits(t *testing.T) {
	stop := make(chan struct{})
	go func() { <-stop }()
	leaked := Leaked(50 * time.Millisecond)
	close(stop)
	if len(leaked) != 1 || !strings.Contains(leaked[0].CreatedBy.Func, "TestLeakedFindsAGoroutineThatNeverExits") {
		t.Fatalf("leaked = %+v; want the one goroutine this test started", leaked)
	}
	if left := Leaked(time.Second); len(left) != 0 {
		t.Fatalf("after it was stopped, still leaked: %+v", left)
	}
}

func TestLeakedWaitsForGoroutinesOnTheirWayOut(t *testing.T) {
	go time.Sleep(20 * time.Millisecond)
	if left := Leaked(time.Second); len(left) != 0 {
		t.Fatalf("a goroutine that exits within the limit was reported: %+v", left)
	}
}

func TestMain(m *testing.M) { Main(m) }
