package procnet_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/ballot-go/ballot/faults/networktest"
	"github.com/ballot-go/ballot/impl"
	"github.com/ballot-go/ballot/impl/tcpnode"
	"github.com/ballot-go/ballot/internal/leakcheck"
)

// nodeEnv makes the test binary a node instead of running the tests: the
// tests start their clusters from os.Args[0], so they need no other binary.
const nodeEnv = "PROCNET_TEST_NODE"

// The tests leave no goroutine running; the nodes they start are stopped
// by pid (each test checks that none is left).
func TestMain(m *testing.M) {
	switch os.Getenv(nodeEnv) {
	case "":
		leakcheck.Main(m)
	case "reference":
		os.Exit(runNode(nil))
	case "probe":
		os.Exit(runNode(networktest.RemoteFactory(os.Getenv(probeEnv))))
	case "garbage":
		os.Exit(serveGarbage())
	}
	os.Exit(3)
}

// probeEnv holds the address of networktest's probe server for a node in
// "probe" mode.
const probeEnv = "PROCNET_TEST_PROBE"

// runNode runs machine (the reference election if nil) from the
// environment procnet sets.
func runNode(machine impl.MachineFactory) int {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	id, _ := strconv.Atoi(os.Getenv("BALLOT_ID"))
	cfg := tcpnode.Config{ID: id, Listen: os.Getenv("BALLOT_LISTEN"), State: os.Getenv("BALLOT_STATE"),
		DataDir: os.Getenv("BALLOT_DATA"), Peers: map[int]string{}, Machine: machine}
	for _, p := range strings.Split(os.Getenv("BALLOT_PEERS"), ",") {
		j, addr, _ := strings.Cut(p, "=")
		peer, _ := strconv.Atoi(j)
		cfg.Peers[peer] = addr
	}
	if err := tcpnode.Run(ctx, cfg); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// serveGarbage answers /state with something that is not the contract.
func serveGarbage() int {
	http.HandleFunc("/state", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "I am the leader, trust me") })
	fmt.Fprintln(os.Stderr, http.ListenAndServe(os.Getenv("BALLOT_STATE"), nil))
	return 1
}
