package proxy

import (
	"io"
	"net"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// The tests of SocketOwner and Member need connections dialled by other
// processes. They re-execute the test binary as a dialler: with
// diallerAddrEnv set, init below runs the dialler instead of the tests
// (main_test.go's TestMain belongs to the package's other tests, so the
// switch cannot go there, and init runs before it).
const (
	diallerAddrEnv = "BALLOT_PROXY_TEST_DIALLER_ADDR"
	diallerNameEnv = "BALLOT_PROXY_TEST_DIALLER_NAME"
)

// diallerLifetime bounds a dialler's life, should its parent vanish
// without closing its stdin or killing it.
const diallerLifetime = 2 * time.Minute

// diallerRetry is how long a dialler waits before it dials again.
const diallerRetry = 20 * time.Millisecond

func init() {
	if addr := os.Getenv(diallerAddrEnv); addr != "" {
		runDialler(addr, os.Getenv(diallerNameEnv))
		os.Exit(0)
	}
}

// runDialler waits for one byte on stdin (its parent's go-ahead, given once
// it knows the dialler's pid), then dials addr again and again, greeting
// each connection with its name and a newline and echoing what it reads,
// as a peer that redials a cut link would. It returns when stdin ends.
func runDialler(addr, name string) {
	if _, err := os.Stdin.Read(make([]byte, 1)); err != nil {
		return
	}
	go func() {
		for deadline := time.Now().Add(diallerLifetime); time.Now().Before(deadline); time.Sleep(diallerRetry) {
			c, err := net.DialTimeout("tcp", addr, patience)
			if err != nil {
				continue
			}
			if _, err := io.WriteString(c, name+"\n"); err == nil {
				io.Copy(c, c)
			}
			c.Close()
		}
		os.Exit(0)
	}()
	io.Copy(io.Discard, os.Stdin)
}

// dialler is a dialler process started by a test.
type dialler struct {
	cmd     *exec.Cmd
	goAhead *os.File // the write end of its stdin
}

// startDialler starts a dialler of addr named name, which dials once go is
// called. It is stopped, by its pid, when the test ends.
func startDialler(t testing.TB, addr, name string) *dialler {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), diallerAddrEnv+"="+addr, diallerNameEnv+"="+name)
	cmd.Stdin, cmd.Stderr = r, os.Stderr
	// Killed if the test binary dies first.
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL}
	err = cmd.Start()
	r.Close()
	if err != nil {
		w.Close()
		t.Fatal(err)
	}
	d := &dialler{cmd: cmd, goAhead: w}
	t.Cleanup(d.stop)
	return d
}

func (d *dialler) pid() int { return d.cmd.Process.Pid }

// start lets the dialler dial.
func (d *dialler) start(t testing.TB) {
	t.Helper()
	if _, err := d.goAhead.Write([]byte{1}); err != nil {
		t.Fatal(err)
	}
}

// stop kills the dialler by its pid and reaps it.
func (d *dialler) stop() {
	d.goAhead.Close()
	syscall.Kill(d.pid(), syscall.SIGKILL)
	d.cmd.Wait()
}
