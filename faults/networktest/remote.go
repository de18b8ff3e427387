package networktest

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// A network whose nodes run in other processes (faults/procnet) cannot
// hand them the contract's probes: its nodes build theirs with
// RemoteFactory(address of cfg.ProbeServer), and each probe reports to the probes of
// this process over HTTP on loopback, which counts as for any network.

// RemoteFactory builds probes that report to the contract's probe server at
// addr (from Config.ProbeServer), for a node in another process.
func RemoteFactory(addr string) impl.MachineFactory {
	h := &remote{base: "http://" + addr, client: &http.Client{Timeout: 2 * time.Second}}
	return func(cfg impl.MachineConfig) (impl.Machine, error) {
		build, err := h.call("build", url.Values{"node": {strconv.Itoa(cfg.ID)}})
		if err != nil {
			return nil, fmt.Errorf("networktest: the probe server at %s: %w", addr, err)
		}
		return &probe{h: h, cfg: cfg, build: int(build[0])}, nil
	}
}

// remote is a host over HTTP. A call that fails counts nothing: the
// behaviour that needed it fails, saying what it missed.
type remote struct {
	base   string
	client *http.Client
}

func (r *remote) newBuild(int) int {
	panic("networktest: a remote probe's build comes from RemoteFactory")
}

func (r *remote) tick(node int) uint64 {
	v, _ := r.call("tick", url.Values{"node": {strconv.Itoa(node)}})
	return v[0]
}

func (r *remote) deliver(m impl.Message) {
	r.call("deliver", url.Values{"from": {strconv.Itoa(m.From)}, "to": {strconv.Itoa(m.To)},
		"kind": {strconv.Itoa(int(m.Kind))}, "term": {strconv.FormatUint(m.Term, 10)}})
}

func (r *remote) leading(node int) (uint64, bool) {
	v, _ := r.call("leading", url.Values{"node": {strconv.Itoa(node)}})
	return v[0], v[1] == 1
}

// call asks the server and reads back two numbers.
func (r *remote) call(what string, q url.Values) ([2]uint64, error) {
	var out [2]uint64
	resp, err := r.client.Get(r.base + "/" + what + "?" + q.Encode())
	if err != nil {
		return out, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		return out, err
	}
	_, err = fmt.Sscan(string(b), &out[0], &out[1])
	return out, err
}

// serve runs the probes' server on loopback until ctx ends, and returns
// its address.
func (p *probes) serve(ctx context.Context) (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	srv := &http.Server{Handler: http.HandlerFunc(p.answer)}
	go srv.Serve(ln)
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	return ln.Addr().String(), nil
}

// answer is the server's side of remote's calls.
func (p *probes) answer(w http.ResponseWriter, r *http.Request) {
	n := func(key string) int { v, _ := strconv.Atoi(r.URL.Query().Get(key)); return v }
	var a, b uint64
	switch r.URL.Path {
	case "/build":
		a = uint64(p.newBuild(n("node")))
	case "/tick":
		a = p.tick(n("node"))
	case "/deliver":
		term, _ := strconv.ParseUint(r.URL.Query().Get("term"), 10, 64)
		p.deliver(impl.Message{From: n("from"), To: n("to"), Kind: impl.Kind(n("kind")), Term: term})
	case "/leading":
		var leads bool
		a, leads = p.leading(n("node"))
		if leads {
			b = 1
		}
	default:
		http.NotFound(w, r)
		return
	}
	fmt.Fprintf(w, "%d %d", a, b)
}
