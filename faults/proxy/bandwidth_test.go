package proxy

import (
	"bytes"
	"testing"
	"time"
)

func TestBandwidthCapsThroughput(t *testing.T) {
	l := newLink(t, echoServer(t))
	c := dial(t, l.Addr())
	const rate = 2 << 20
	l.Set(Effect{BytesPerSecond: rate})
	sent := randomBytes(1 << 20)
	start := time.Now()
	got := streamThrough(t, c, sent)
	elapsed := time.Since(start)
	if !bytes.Equal(got, sent) {
		t.Fatalf("echoed %d bytes, not the %d sent", len(got), len(sent))
	}
	// Both directions are capped but pipelined: about len/rate in all.
	ratio := float64(len(sent)) / elapsed.Seconds() / rate
	if ratio < 0.3 || ratio > 1.3 {
		t.Fatalf("%d bytes in %v: %.2f of the cap; want about 1", len(sent), elapsed, ratio)
	}
}

func TestPacerSpacesPiecesByTheRate(t *testing.T) {
	var pc pacer
	now := time.Unix(100, 0)
	data := make([]byte, 1000)
	if got := pc.take(data, 0, now); len(got) != 1000 || !pc.next.IsZero() {
		t.Fatalf("uncapped: took %d, next %v", len(got), pc.next)
	}
	// 5000 B/s: pieces of 100 bytes, 20 ms apart.
	for i := range 3 {
		if got := pc.take(data, 5000, now); len(got) != 100 {
			t.Fatalf("took %d bytes; want a piece of 100", len(got))
		}
		if want := now.Add(time.Duration(i+1) * 20 * time.Millisecond); !pc.next.Equal(want) {
			t.Fatalf("next %v; want %v", pc.next, want)
		}
	}
	// After idling, no credit: the next piece is charged from now.
	idle := now.Add(time.Second)
	pc.take(data, 5000, idle)
	if want := idle.Add(20 * time.Millisecond); !pc.next.Equal(want) {
		t.Fatalf("after idling, next %v; want %v", pc.next, want)
	}
	if got := pc.take(data, 1, idle); len(got) != 1 {
		t.Fatalf("at 1 B/s took %d bytes; want 1", len(got))
	}
}
