package procnet

import (
	"fmt"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
)

// A node's ports lie below the kernel's ephemeral range. A port from a
// ":0" listener, released for a node to bind, is in that range, and can
// meanwhile become the source port of any outbound connection (a proxy
// dialling a node, a poll of /state), or be handed out twice: the node's
// bind then fails with "address already in use". A restarted node binds
// its old port again while its peers keep dialling it, so the risk is
// real. Below the range, only an explicit bind can take a port.
var ports struct {
	sync.Mutex
	given map[int]bool // never handed out twice by one process
	next  int
}

// lowestPort is where the search starts: above the well-known services.
const lowestPort = 10000

// freeAddress is a loopback address that nobody listens on now, below the
// ephemeral range and not handed out before by this process. The search
// starts at an offset from the process id, so that two ballot processes on
// one machine seldom try the same ports.
func freeAddress() (string, error) {
	ports.Lock()
	defer ports.Unlock()
	top := ephemeralLow()
	span := top - lowestPort
	if ports.given == nil {
		ports.given, ports.next = map[int]bool{}, (os.Getpid()*7919)%span
	}
	for range span {
		port := lowestPort + ports.next%span
		ports.next++
		if ports.given[port] {
			continue
		}
		l, err := net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))
		if err != nil {
			continue
		}
		l.Close()
		ports.given[port] = true
		return l.Addr().String(), nil
	}
	return "", fmt.Errorf("procnet: no free loopback port in [%d, %d)", lowestPort, top)
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
	if err != nil || low <= lowestPort+1000 {
		return 49152
	}
	return low
}
