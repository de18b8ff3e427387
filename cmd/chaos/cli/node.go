package cli

import (
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"time"

	"github.com/ballot-go/ballot/impl/raft"
	"github.com/ballot-go/ballot/impl/tcpnode"
	"github.com/hashicorp/go-hclog"
	"github.com/spf13/cobra"
)

// nodeFlags are chaos node's flags, as typed.
type nodeFlags struct {
	id                   int
	listen, state, data  string
	peers                []string
	prevote, checkQuorum bool
	tick                 time.Duration
	seed                 uint64
	logLevel             string
}

func (e *env) nodeCommand() *cobra.Command {
	var f nodeFlags
	cmd := &cobra.Command{
		Use:   "node",
		Short: "Run one node of the reference election as a process: peers over TCP, GET /state over HTTP",
		Long: `node runs one member of ballot's reference election as a real process, the
model of a node that ballot drives under a process network (see the package
impl/tcpnode for the wire format, to reimplement it in another language).

It listens for its peers' messages on --listen, one JSON object per line,
and sends its own to each peer at the address --peer gives for it, on
connections it dials itself. GET /state on --state answers
{"id":0,"term":3,"role":"leader","leader":0,"vote":0}. Term and vote are
saved in --data before any message that depends on them is sent, so a node
started again on the same directory never votes twice in a term.

It runs until Ctrl-C or SIGTERM, and exits 0 then; 1 if it cannot run (an
address in use, a data directory it cannot read or write).`,
		Example: `  chaos node --id 0 --listen 127.0.0.1:7000 --state 127.0.0.1:8000 \
      --peer 1=127.0.0.1:7001 --peer 2=127.0.0.1:7002 --data /tmp/n0
  chaos node --id 1 --listen 127.0.0.1:7001 --state 127.0.0.1:8001 \
      --peer 0=127.0.0.1:7000,2=127.0.0.1:7002 --data /tmp/n1 --prevote --checkquorum
  curl -s 127.0.0.1:8000/state`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := f.config(cmd.Flags().Changed("id"), e.stderr)
			if err != nil {
				return err
			}
			return e.node(cfg)
		},
	}
	fl := cmd.Flags()
	fl.IntVar(&f.id, "id", 0, "this node's id, from 0 (required)")
	fl.StringVar(&f.listen, "listen", "", "the address peers' messages arrive on, such as 127.0.0.1:7000 (required)")
	fl.StringVar(&f.state, "state", "", "the address of GET /state, such as 127.0.0.1:8000 (required)")
	fl.StringSliceVar(&f.peers, "peer", nil, "a peer as ID=ADDR, the address to send it messages at; repeat it, or separate peers with commas")
	fl.StringVar(&f.data, "data", "", "the directory that keeps term and vote across restarts (required)")
	fl.BoolVar(&f.prevote, "prevote", false, "ask for a pre-vote before campaigning (Raft thesis §9.6)")
	fl.BoolVar(&f.checkQuorum, "checkquorum", false, "a leader steps down without a majority's replies, with a leader lease (thesis §6.4)")
	fl.DurationVar(&f.tick, "tick", tcpnode.DefaultTick, "the election's tick, in real time (timeouts are 50-100 ticks, heartbeats every 15)")
	fl.Uint64Var(&f.seed, "seed", 1, "the seed of the node's random election timeouts, mixed with --id")
	fl.StringVar(&f.logLevel, "log-level", "info", "the log on stderr: trace, debug, info, warn, error or off")
	return cmd
}

// node is chaos node: run until Ctrl-C. Any failure now is the node's, not
// the command line's.
func (e *env) node(cfg tcpnode.Config) error { return workErr(tcpnode.Run(e.ctx, cfg)) }

// config checks every flag, and builds the node's Config; every mistake is
// a usage error, found before anything is opened.
func (f nodeFlags) config(idGiven bool, stderr io.Writer) (tcpnode.Config, error) {
	if err := f.checkRequired(idGiven); err != nil {
		return tcpnode.Config{}, err
	}
	peers, err := parsePeers(f.peers, f.id)
	if err != nil {
		return tcpnode.Config{}, err
	}
	level := hclog.LevelFromString(f.logLevel)
	if level == hclog.NoLevel {
		return tcpnode.Config{}, usagef("--log-level %q: give trace, debug, info, warn, error or off", f.logLevel)
	}
	rc := raft.DefaultConfig()
	rc.PreVote, rc.CheckQuorum = f.prevote, f.checkQuorum
	factory, err := rc.Factory()
	if err != nil {
		return tcpnode.Config{}, usagef("%v", err)
	}
	cfg := tcpnode.Config{ID: f.id, Listen: f.listen, State: f.state, Peers: peers, DataDir: f.data, Tick: f.tick, Machine: factory, Seed: f.seed,
		Logger: hclog.New(&hclog.LoggerOptions{Name: fmt.Sprintf("node %d", f.id), Output: stderr, Level: level})}
	if err := cfg.Validate(); err != nil {
		return tcpnode.Config{}, usagef("%v", err)
	}
	return cfg, nil
}

func (f nodeFlags) checkRequired(idGiven bool) error {
	switch {
	case !idGiven:
		return usagef("--id is missing: give this node's id, such as --id 0 (chaos node --help)")
	case f.id < 0:
		return usagef("--id %d: ids are integers from 0", f.id)
	case f.data == "":
		return usagef("--data is missing: give the directory that keeps term and vote across restarts")
	case f.tick <= 0:
		return usagef("--tick %v: give a positive tick, such as 10ms", f.tick)
	}
	for _, a := range []struct{ flag, addr string }{{"--listen", f.listen}, {"--state", f.state}} {
		if err := checkAddr(a.flag, a.addr); err != nil {
			return err
		}
	}
	return nil
}

// checkAddr says what is wrong with a listen address, in the flag's words.
func checkAddr(flag, addr string) error {
	if addr == "" {
		return usagef("%s is missing: give a host:port, such as 127.0.0.1:7000", flag)
	}
	if _, _, err := net.SplitHostPort(addr); err != nil {
		return usagef("%s %q: give a host:port, such as 127.0.0.1:7000 (%v)", flag, addr, err)
	}
	return nil
}

// parsePeers reads --peer ID=ADDR values: each a distinct other node.
func parsePeers(values []string, self int) (map[int]string, error) {
	peers := map[int]string{}
	for _, v := range values {
		idText, addr, ok := strings.Cut(v, "=")
		id, err := strconv.Atoi(idText)
		switch {
		case !ok || err != nil || id < 0:
			return nil, usagef("--peer %q: write ID=ADDR, such as --peer 1=127.0.0.1:7001", v)
		case id == self:
			return nil, usagef("--peer %q: %d is this node's own --id; list the other nodes only", v, id)
		case peers[id] != "":
			return nil, usagef("--peer %q: peer %d is given twice, also as %s", v, id, peers[id])
		}
		if _, _, err := net.SplitHostPort(addr); err != nil {
			return nil, usagef("--peer %q: give the address as host:port, such as 1=127.0.0.1:7001 (%v)", v, err)
		}
		peers[id] = addr
	}
	return peers, nil
}
