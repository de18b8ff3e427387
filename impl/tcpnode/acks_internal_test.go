package tcpnode

import (
	"testing"
	"time"
)

func TestAcksJudgeOnlyAConnectionThatAckedAndThenFellSilent(t *testing.T) {
	t0 := time.Now()
	at := func(d time.Duration) time.Time { return t0.Add(d) }
	var a acks
	a.wrote(at(0))
	if a.dead(at(time.Hour)) {
		t.Fatal("a connection that never acked was taken for dead: a peer that does not ack would lose every link")
	}
	a.read(at(time.Millisecond))
	a.wrote(at(time.Second))
	if a.dead(at(time.Second + ackTimeout - time.Millisecond)) {
		t.Fatal("dead before ackTimeout")
	}
	if !a.dead(at(time.Second + ackTimeout + time.Millisecond)) {
		t.Fatal("a line unacked for longer than ackTimeout, on a connection that acked before, is not dead")
	}
	a.wrote(at(2 * time.Second)) // a later write does not restart the wait
	if !a.dead(at(time.Second + ackTimeout + time.Millisecond)) {
		t.Fatal("a second write restarted the wait of the first")
	}
	a.read(at(3 * time.Second))
	if a.dead(at(10 * time.Second)) {
		t.Fatal("dead with every write acked")
	}
}
