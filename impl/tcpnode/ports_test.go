package tcpnode_test

import (
	"fmt"
	"math/rand/v2"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// The ports of these tests lie below the kernel's ephemeral range. A port
// from a ":0" listener, closed for a node to take, is in that range, and
// can meanwhile become the source port of any outbound connection (the
// other nodes' dials, the test's polls of /state), or be handed out twice:
// the node's bind then fails with "address already in use". Below the
// range, only an explicit bind can take it.
var ports struct {
	sync.Mutex
	given map[int]bool // never handed out twice in one test binary
}

// freeAddr is a loopback address nobody listens on, for a node to take.
func freeAddr(t *testing.T) string {
	t.Helper()
	ports.Lock()
	defer ports.Unlock()
	if ports.given == nil {
		ports.given = map[int]bool{}
	}
	const lowest = 10000
	top := ephemeralLow()
	for range 1000 {
		port := lowest + rand.IntN(top-lowest)
		if ports.given[port] {
			continue
		}
		ln, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err != nil {
			continue
		}
		ln.Close()
		ports.given[port] = true
		return ln.Addr().String()
	}
	t.Fatalf("no free loopback port in [%d, %d) after 1000 tries", lowest, top)
	return ""
}

// ephemeralLow is where the kernel's ephemeral ports start: Linux says in
// /proc; elsewhere, IANA's 49152.
func ephemeralLow() int {
	b, err := os.ReadFile("/proc/sys/net/ipv4/ip_local_port_range")
	if err != nil {
		return 49152
	}
	fields := strings.Fields(string(b))
	if len(fields) != 2 {
		return 49152
	}
	low, err := strconv.Atoi(fields[0])
	if err != nil || low < 11000 {
		return 49152 // a range this low leaves no room below it: take the risk
	}
	return low
}
