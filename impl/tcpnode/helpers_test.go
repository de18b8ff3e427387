package tcpnode_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/raft"
	"github.com/ballot-go/ballot/impl/tcpnode"
	"github.com/hashicorp/go-hclog"
)

// within bounds every wait of these tests.
const within = 5 * time.Second

// client reads /state; without keep-alive it leaves no idle connection,
// and no goroutine, behind.
var client = &http.Client{Timeout: time.Second, Transport: &http.Transport{DisableKeepAlives: true}}

// state is the body of GET /state.
type state struct {
	ID     int    `json:"id"`
	Term   uint64 `json:"term"`
	Role   string `json:"role"`
	Leader int    `json:"leader"`
	Vote   int    `json:"vote"`
}

func (s state) String() string {
	return fmt.Sprintf("n%d t%d %s leader=%d vote=%d", s.ID, s.Term, s.Role, s.Leader, s.Vote)
}

func getState(addr string) (state, error) {
	resp, err := client.Get("http://" + addr + "/state")
	if err != nil {
		return state{}, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return state{}, fmt.Errorf("GET /state: %s", resp.Status)
	}
	var s state
	return s, json.NewDecoder(resp.Body).Decode(&s)
}

// await polls cond every 10 ms until it holds, and fails the test after
// within, with what cond last saw.
func await(t *testing.T, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(within)
	for {
		ok, seen := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within %v; last seen: %s", what, within, seen)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// node is one Run in a goroutine of the test.
type node struct {
	t      *testing.T
	cfg    tcpnode.Config
	cancel context.CancelFunc
	done   chan error
}

// start runs cfg until stop, and returns once /state answers.
func start(t *testing.T, cfg tcpnode.Config) *node {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	n := &node{t: t, cfg: cfg, cancel: cancel, done: make(chan error, 1)}
	go func() { n.done <- tcpnode.Run(ctx, cfg) }()
	t.Cleanup(func() { n.stop() })
	await(t, fmt.Sprintf("node %d serves /state", cfg.ID), func() (bool, string) {
		select {
		case err := <-n.done:
			n.done <- err
			t.Fatalf("node %d: Run returned at start: %v", cfg.ID, err)
		default:
		}
		_, err := getState(cfg.State)
		return err == nil, fmt.Sprint(err)
	})
	return n
}

// stop cancels the node's context and returns what Run returned; a Run
// that does not return within the bound fails the test.
func (n *node) stop() error {
	n.cancel()
	select {
	case err := <-n.done:
		n.done <- err // a second stop, from Cleanup, reads it again
		return err
	case <-time.After(within):
		n.t.Fatalf("node %d: Run did not return within %v of its context's end", n.cfg.ID, within)
		return nil
	}
}

// cluster is n nodes on loopback, each with its own data directory.
type cluster struct {
	t     *testing.T
	cfgs  []tcpnode.Config
	nodes []*node
}

func newCluster(t *testing.T, n int) *cluster {
	c := &cluster{t: t, cfgs: make([]tcpnode.Config, n), nodes: make([]*node, n)}
	listen := make([]string, n)
	for i := range n {
		listen[i] = freeAddr(t)
	}
	for i := range n {
		peers := map[int]string{}
		for j := range n {
			if j != i {
				peers[j] = listen[j]
			}
		}
		c.cfgs[i] = tcpnode.Config{ID: i, Listen: listen[i], State: freeAddr(t), Peers: peers, DataDir: t.TempDir(), Seed: 1}
	}
	return c
}

func (c *cluster) start(ids ...int) {
	for _, id := range ids {
		c.nodes[id] = start(c.t, c.cfgs[id])
	}
}

func (c *cluster) stop(id int) {
	if err := c.nodes[id].stop(); err != nil {
		c.t.Fatalf("node %d: Run returned %v when stopped", id, err)
	}
}

// states reads /state of ids; ok is false if one does not answer.
func (c *cluster) states(ids []int) ([]state, bool, string) {
	var all []state
	for _, id := range ids {
		s, err := getState(c.cfgs[id].State)
		if err != nil {
			return nil, false, fmt.Sprintf("node %d: %v", id, err)
		}
		all = append(all, s)
	}
	return all, true, fmt.Sprint(all)
}

// awaitLeader waits until exactly one of ids leads, in a term above
// after, and all of ids name it in that term. It returns the term and the
// leader.
func (c *cluster) awaitLeader(after uint64, ids ...int) (uint64, int) {
	c.t.Helper()
	var term uint64
	var lead int
	await(c.t, fmt.Sprintf("one leader among %v, in a term above %d", ids, after), func() (bool, string) {
		all, ok, seen := c.states(ids)
		if !ok {
			return false, seen
		}
		term, lead, ok = agreed(all)
		return ok && term > after, seen
	})
	return term, lead
}

// agreed reports whether exactly one of all leads and everybody says so,
// in one term.
func agreed(all []state) (uint64, int, bool) {
	leaders := 0
	for _, s := range all {
		if s.Role == "leader" {
			leaders++
		}
		if s.Term != all[0].Term || s.Leader != all[0].Leader || s.Leader == impl.None {
			return 0, 0, false
		}
	}
	return all[0].Term, all[0].Leader, leaders == 1
}

// patient is the reference election with an election timeout of hours: it
// never campaigns on its own, so a test decides what it sees.
func patient(t *testing.T) impl.MachineFactory {
	t.Helper()
	f, err := raft.Config{ElectionTicks: 1 << 30, HeartbeatTicks: 1}.Factory()
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// logBuffer collects a node's log for a test to read.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func (b *logBuffer) logger() hclog.Logger {
	return hclog.New(&hclog.LoggerOptions{Output: b, Level: hclog.Debug})
}
