package tcpnode_test

import (
	"bufio"
	"errors"
	"io"
	"net"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/impl/tcpnode"
)

// garbage is every way a line can fail to be a message for node 0 from
// its one peer, node 1; each is logged once.
var garbage = []string{
	"hello",
	"{}",
	"[1,2,3]",
	"\x00\xff\xfe",
	`{"from":1,"to":0,"term":5}`,
	`{"from":1,"to":0,"term":5,"kind":"nonsense"}`,
	`{"from":1,"to":0,"term":-1,"kind":"heartbeat"}`,
	`{"from":-1,"to":0,"term":5,"kind":"heartbeat"}`,
	`{"from":9,"to":0,"term":5,"kind":"heartbeat"}`,
	`{"from":1,"to":2,"term":5,"kind":"heartbeat"}`,
}

// Bad lines are logged and skipped, the connection stays open, the good
// line after them is stepped, and the reply goes out on the connection the
// node dialled to its peer: back on the one the peer dialled come only
// acks, one per complete line, whether it made sense or not.
func TestGarbageOnTheWireIsIgnored(t *testing.T) {
	peer, err := net.Listen("tcp", "127.0.0.1:0") // node 1, played by the test
	if err != nil {
		t.Fatal(err)
	}
	defer peer.Close()
	var log logBuffer
	cfg := tcpnode.Config{ID: 0, Listen: freeAddr(t), State: freeAddr(t), Peers: map[int]string{1: peer.Addr().String()}, DataDir: t.TempDir(), Machine: patient(t), Logger: log.logger()}
	n := start(t, cfg)

	in := dial(t, cfg.Listen)
	lines := strings.Join(garbage, "\n") + "\n\n" + strings.Repeat("x", 10000) + "\n" +
		`{"from":1,"to":0,"term":5,"kind":"heartbeat","granted":false,"entries":0}` + "\r\n"
	if _, err := in.Write([]byte(lines)); err != nil {
		t.Fatal(err)
	}
	await(t, "node 0 follows node 1 in term 5", func() (bool, string) {
		s, err := getState(cfg.State)
		return err == nil && s.Term == 5 && s.Leader == 1 && s.Role == "follower", s.String()
	})

	out := acceptFrom(t, peer)
	want := `{"from":0,"to":1,"term":5,"kind":"heartbeat-reply","granted":false,"entries":0}`
	readUntil(t, out, want)
	assertOnlyAcks(t, in, len(garbage)+1)

	if err := n.stop(); err != nil {
		t.Fatalf("Run returned %v", err)
	}
	if got, want := strings.Count(log.String(), "ignoring a line"), len(garbage)+1; got != want {
		t.Errorf("%d bad lines logged, want %d (the long line too):\n%s", got, want, log.String())
	}
}

func dial(t *testing.T, addr string) net.Conn {
	t.Helper()
	conn, err := net.DialTimeout("tcp", addr, within)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// acceptFrom is the connection the node dialled to its peer.
func acceptFrom(t *testing.T, ln net.Listener) net.Conn {
	t.Helper()
	ln.(*net.TCPListener).SetDeadline(time.Now().Add(within))
	conn, err := ln.Accept()
	if err != nil {
		t.Fatalf("the node never dialled its peer: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// readUntil reads lines from conn until want, within the bound.
func readUntil(t *testing.T, conn net.Conn, want string) {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(within))
	r := bufio.NewScanner(conn)
	var seen []string
	for r.Scan() {
		if r.Text() == want {
			return
		}
		seen = append(seen, r.Text())
	}
	t.Fatalf("no %s from the node (%v); it sent %q", want, r.Err(), seen)
}

// assertSilent checks that nothing comes back on a connection the test
// dialled to the node.
func assertOnlyAcks(t *testing.T, conn net.Conn, lines int) {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(300 * time.Millisecond))
	got, err := io.ReadAll(conn)
	if !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("reading acks: %v", err)
	}
	if want := strings.Repeat("\n", lines); string(got) != want {
		t.Fatalf("the node wrote %q on a connection its peer dialled; want %d acks (\"\\n\" each) and nothing else", got, lines)
	}
}
