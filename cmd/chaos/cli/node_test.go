package cli_test

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/cmd/chaos/cli"
)

// Every mistake in chaos node's flags is a usage error, exit 2, said
// before anything listens.
func TestNodeBadFlagsAreUsageErrors(t *testing.T) {
	ok := []string{"node", "--listen", "127.0.0.1:7000", "--state", "127.0.0.1:8000", "--data", t.TempDir()}
	for _, c := range []struct {
		args []string
		want string
	}{
		{ok, "--id is missing"},
		{append(ok, "--id", "-1"), "--id -1: ids are integers from 0"},
		{append(ok, "--id", "x"), `invalid argument "x" for "--id"`},
		{append(ok, "--id", "0", "--peer", "1:127.0.0.1:7001"), `--peer "1:127.0.0.1:7001": write ID=ADDR`},
		{append(ok, "--id", "0", "--peer", "one=127.0.0.1:7001"), `--peer "one=127.0.0.1:7001": write ID=ADDR`},
		{append(ok, "--id", "0", "--peer", "1=nowhere"), `--peer "1=nowhere": give the address as host:port`},
		{append(ok, "--id", "0", "--peer", "0=127.0.0.1:7001"), "0 is this node's own --id"},
		{append(ok, "--id", "0", "--peer", "1=127.0.0.1:7001,1=127.0.0.1:7002"), "peer 1 is given twice"},
		{append(ok, "--id", "0", "--tick", "0s"), "--tick 0s: give a positive tick"},
		{append(ok, "--id", "0", "--log-level", "loud"), `--log-level "loud"`},
		{append(ok, "--id", "0", "extra"), "node takes flags only"},
		{[]string{"node", "--id", "0", "--state", "127.0.0.1:8000", "--data", "d"}, "--listen is missing"},
		{[]string{"node", "--id", "0", "--listen", "127.0.0.1:7000", "--state", "8000", "--data", "d"}, `--state "8000": give a host:port`},
		{[]string{"node", "--id", "0", "--listen", "127.0.0.1:7000", "--state", "127.0.0.1:8000"}, "--data is missing"},
	} {
		code, stdout, stderr := chaos(t, c.args...)
		if code != 2 || !strings.Contains(stderr, c.want) {
			t.Errorf("chaos %v: exit %d, stderr %q; want exit 2 and %q", c.args, code, stderr, c.want)
		}
		if stdout != "" {
			t.Errorf("chaos %v printed %q", c.args, stdout)
		}
	}
}

// chaos node serves /state until its context ends (Ctrl-C, in a
// terminal), and exits 0 then. Alone, it elects itself.
func TestNodeRunsUntilInterrupted(t *testing.T) {
	state := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var stderr bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- cli.Execute(ctx, t, []string{"node", "--id", "0", "--listen", "127.0.0.1:0", "--state", state, "--data", filepath.Join(t.TempDir(), "n0")}, io.Discard, &stderr)
	}()
	want := `{"id":0,"term":1,"role":"leader","leader":0,"vote":0}` + "\n"
	var seen string
	for deadline := time.Now().Add(5 * time.Second); seen != want && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		seen = getBody("http://" + state + "/state")
	}
	cancel()
	select {
	case code := <-done:
		if code != 0 || seen != want {
			t.Fatalf("exit %d, /state %q (want 0 and %q); stderr:\n%s", code, seen, want, stderr.String())
		}
	case <-time.After(5 * time.Second):
		t.Fatal("chaos node did not return within 5s of its context's end")
	}
}

// An address in use is the node's failure, not the command line's: exit 1,
// naming the address.
func TestNodeOnAPortInUseExitsOne(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	addr := taken.Addr().String()
	code, _, stderr := chaos(t, "node", "--id", "0", "--listen", addr, "--state", freeAddr(t), "--data", t.TempDir(), "--log-level", "off")
	if code != 1 || !strings.Contains(stderr, addr) {
		t.Fatalf("exit %d, stderr %q; want exit 1 naming %s", code, stderr, addr)
	}
}

func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// getBody is the body at url, or "" if it does not answer; without
// keep-alive no connection outlives the request.
func getBody(url string) string {
	c := &http.Client{Timeout: time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := c.Get(url)
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
