package procnet_test

import (
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/ballot-go/ballot/faults"
	"github.com/ballot-go/ballot/impl"
)

// incidents records the incidents a network reports; the rest is ignored.
type incidents struct {
	mu  sync.Mutex
	all []faults.Incident
}

func (r *incidents) Status(time.Duration, impl.Status)                                {}
func (r *incidents) Message(time.Duration, faults.MessageEvent, impl.Message, string) {}
func (r *incidents) Topology(time.Duration, faults.Topology, int, string)             {}
func (r *incidents) Incident(in faults.Incident) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.all = append(r.all, in)
}

func (r *incidents) of(kind faults.IncidentKind, node int) []faults.Incident {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []faults.Incident
	for _, in := range r.all {
		if in.Kind == kind && in.Node == node {
			out = append(out, in)
		}
	}
	return out
}

// A running node that stops answering /state is noted once, and keeps its
// last status: it is taken neither for a follower nor for down.
func TestSilentNodeIsNotedOnceAndKeepsItsStatus(t *testing.T) {
	heard := &incidents{}
	n, err := start(t, 3, "reference", heard)
	if err != nil {
		t.Fatal(err)
	}
	awaitLeader(t, n, 5*time.Second)
	pid, earlier := n.Pids()[2], len(heard.of(faults.IncidentSilent, 2))
	if err := syscall.Kill(pid, syscall.SIGSTOP); err != nil { // behind the network's back
		t.Fatal(err)
	}
	defer syscall.Kill(pid, syscall.SIGCONT)
	if !n.RunUntil(5*time.Second, func() bool { return len(heard.of(faults.IncidentSilent, 2)) > earlier }) {
		t.Fatal("a stopped node was never noted as silent")
	}
	noted := n.Status(2)
	n.RunFor(time.Second)
	if notes := heard.of(faults.IncidentSilent, 2)[earlier:]; len(notes) != 1 || !strings.Contains(notes[0].Detail, "did not answer GET /state") {
		t.Fatalf("a node silent for over a second was noted %d times: %v", len(notes), notes)
	}
	if got := n.Status(2); got != noted || got.Role == impl.Down {
		t.Errorf("a silent node's status went from %v to %v; its last status should stand", noted, got)
	}
}
