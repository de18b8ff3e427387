package tcpnode_test

import (
	"context"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/impl/tcpnode"
)

// An address in use stops Run at once, with an error that names it.
func TestRunOnAPortInUseNamesIt(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	addr := taken.Addr().String()
	for _, cfg := range []tcpnode.Config{
		{ID: 0, Listen: addr, State: freeAddr(t), DataDir: t.TempDir()},
		{ID: 0, Listen: freeAddr(t), State: addr, DataDir: t.TempDir()},
	} {
		err := tcpnode.Run(context.Background(), cfg)
		if err == nil || !strings.Contains(err.Error(), addr) || !strings.Contains(err.Error(), "in use") {
			t.Errorf("Run with %s taken: %v; want an error naming it, in use", addr, err)
		}
	}
}

// An invalid Config is refused before anything is opened.
func TestInvalidConfigIsRefused(t *testing.T) {
	ok := tcpnode.Config{ID: 0, Listen: "127.0.0.1:0", State: "127.0.0.1:0", Peers: map[int]string{1: "127.0.0.1:1"}, DataDir: t.TempDir()}
	for _, c := range []struct {
		change func(*tcpnode.Config)
		want   string
	}{
		{func(c *tcpnode.Config) { c.ID = -1 }, "ID -1"},
		{func(c *tcpnode.Config) { c.Listen = "" }, "Listen"},
		{func(c *tcpnode.Config) { c.State = "" }, "State"},
		{func(c *tcpnode.Config) { c.DataDir = "" }, "DataDir"},
		{func(c *tcpnode.Config) { c.Tick = -1 }, "Tick"},
		{func(c *tcpnode.Config) { c.Peers = map[int]string{0: "127.0.0.1:1"} }, "among its own Peers"},
		{func(c *tcpnode.Config) { c.Peers = map[int]string{-2: "127.0.0.1:1"} }, "peer id -2"},
		{func(c *tcpnode.Config) { c.Peers = map[int]string{1: ""} }, "peer 1 has no address"},
	} {
		cfg := ok
		c.change(&cfg)
		if err := tcpnode.Run(context.Background(), cfg); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Run: %v; want an error saying %q", err, c.want)
		}
	}
}

// A hard state file that cannot be read stops the node at start: starting
// from term 0 instead would let it vote twice.
func TestCorruptHardStateIsRefused(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "hardstate.json"), []byte(`{"term":3}`), 0o644); err != nil {
		t.Fatal(err)
	}
	err := tcpnode.Run(context.Background(), tcpnode.Config{ID: 0, Listen: freeAddr(t), State: freeAddr(t), DataDir: dir})
	if err == nil || !strings.Contains(err.Error(), "hardstate.json is not a hard state") {
		t.Fatalf("Run: %v; want the file refused", err)
	}
}

// A node that can no longer save its hard state stops, rather than speak
// in a term or vote it could forget.
func TestLostDataDirStopsTheNode(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	cfg := tcpnode.Config{ID: 0, Listen: freeAddr(t), State: freeAddr(t), Peers: map[int]string{1: freeAddr(t)}, DataDir: dir, Machine: patient(t)}
	n := start(t, cfg)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	in := dial(t, cfg.Listen)
	if _, err := in.Write([]byte(`{"from":1,"to":0,"term":7,"kind":"heartbeat"}` + "\n")); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-n.done:
		n.done <- err
		if err == nil || !strings.Contains(err.Error(), "saving the hard state") {
			t.Fatalf("Run: %v; want a failure to save the hard state", err)
		}
	case <-time.After(within):
		t.Fatalf("Run went on without its data directory")
	}
}
