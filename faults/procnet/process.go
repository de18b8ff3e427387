package procnet

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"time"
)

// process is one started node: its own process group, so that a signal
// reaches whatever it started too, and a log file for its output.
type process struct {
	cmd  *exec.Cmd
	done chan struct{} // closed once it has exited
	err  error         // its exit status, once done
	log  string
}

// startProcess starts argv in dir. The child dies with ballot (SIGKILL on
// the parent's death), so that a killed ballot leaves no orphan.
func startProcess(argv, env []string, dir string) (*process, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("procnet: making the node's directory: %w", err)
	}
	logPath := filepath.Join(dir, "node.log")
	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("procnet: opening the node's log: %w", err)
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir, cmd.Env, cmd.Stdout, cmd.Stderr = dir, append(os.Environ(), env...), logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	if err := cmd.Start(); err != nil {
		logFile.Close()
		return nil, fmt.Errorf("procnet: starting %q: %w", argv[0], err)
	}
	p := &process{cmd: cmd, done: make(chan struct{}), log: logPath}
	go func() {
		p.err = cmd.Wait()
		logFile.Close()
		close(p.done)
	}()
	return p, nil
}

func (p *process) pid() int { return p.cmd.Process.Pid }

// signal sends sig to the node's whole process group.
func (p *process) signal(sig syscall.Signal) error {
	if p.exited() {
		return errors.New("the process has exited")
	}
	return syscall.Kill(-p.pid(), sig)
}

func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// kill is a crash: SIGKILL to the group, then wait for it to be reaped.
func (p *process) kill() {
	p.signal(syscall.SIGCONT) // a stopped group must not keep a zombie leader
	p.signal(syscall.SIGKILL)
	p.wait(5 * time.Second)
}

// stop asks the node to exit (SIGTERM) and kills it after grace.
func (p *process) stop(grace time.Duration) {
	p.signal(syscall.SIGCONT)
	p.signal(syscall.SIGTERM)
	if !p.wait(grace) {
		p.kill()
	}
}

func (p *process) wait(d time.Duration) bool {
	select {
	case <-p.done:
		return true
	case <-time.After(d):
		return false
	}
}

// logTail is the end of the node's log, for an error that names the node.
func (p *process) logTail() string {
	b, err := os.ReadFile(p.log)
	if err != nil {
		return ""
	}
	const tail = 1500
	if len(b) > tail {
		b = b[len(b)-tail:]
	}
	return string(b)
}
