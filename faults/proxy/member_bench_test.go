package proxy

import (
	"bytes"
	"net"
	"net/netip"
	"os"
	"testing"
	"time"
)

// BenchmarkIdentify measures what identifying a sender adds to accepting a
// connection: each iteration dials a listener, accepts, and times finding
// the dialler's process, this one: the socket's inode from sock_diag (what
// SocketOwner uses) or from /proc/net/tcp (its fallback), then the process
// among 5 candidate pids (4 idle processes, then this one: the worst case)
// or among every process. It reports the accept and the identification
// apart (p50, p99), and the sizes the cost grows with: processes, and
// lines of /proc/net/tcp. Each connection is closed with a reset, so as to
// leave no TIME_WAIT socket behind.
func BenchmarkIdentify(b *testing.B) {
	five := append(idleProcesses(b, 4), os.Getpid())
	for _, bc := range []struct {
		name  string
		inode func(from, to netip.AddrPort) (uint64, error)
		pids  []int
	}{
		{"sock_diag/among-5", socketInode, five},
		{"sock_diag/all", socketInode, nil},
		{"proc-net/among-5", procInode, five},
		{"proc-net/all", procInode, nil},
	} {
		b.Run(bc.name, func(b *testing.B) {
			ln, err := net.Listen("tcp", "127.0.0.1:0")
			if err != nil {
				b.Fatal(err)
			}
			defer ln.Close()
			find := func(from, to netip.AddrPort) (int, error) {
				inode, err := bc.inode(from, to)
				if err != nil {
					return 0, err
				}
				return inodeOwner(inode, bc.pids, from, to)
			}
			var accepts, ids []time.Duration
			for b.Loop() {
				a, id := identifyOnce(b, ln, find)
				accepts, ids = append(accepts, a), append(ids, id)
			}
			reportLatencies(b, "accept", accepts)
			reportLatencies(b, "identify", ids)
			reportTables(b)
		})
	}
}

// identifyOnce dials ln, accepts, and finds the dialler: how long the dial
// and accept took, and how long the finding.
func identifyOnce(b *testing.B, ln net.Listener, find func(from, to netip.AddrPort) (int, error)) (accept, identify time.Duration) {
	start := time.Now()
	client, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		b.Fatal(err)
	}
	server, err := ln.Accept()
	if err != nil {
		b.Fatal(err)
	}
	accepted := time.Now()
	pid, err := find(ends(server))
	identified := time.Now()
	if err != nil || pid != os.Getpid() {
		b.Fatalf("owner %d, %v; want this process", pid, err)
	}
	client.(*net.TCPConn).SetLinger(0)
	client.Close()
	server.Close()
	return accepted.Sub(start), identified.Sub(accepted)
}

func reportLatencies(b *testing.B, what string, ds []time.Duration) {
	median, p99 := quantiles(ds)
	b.ReportMetric(us(median), what+"-p50-µs")
	b.ReportMetric(us(p99), what+"-p99-µs")
}

// BenchmarkMemberFirstRoundTrip measures what a client sees: a new
// connection and its first 64-byte round trip to an echo server, through
// a Link and through a Member (which identifies the dialler, this process,
// among 5 candidates or in every process), interleaved each iteration so
// that all see the same machine; reports each one's p50 and p99 and the
// Member's added p50 over the Link's.
func BenchmarkMemberFirstRoundTrip(b *testing.B) {
	target := startServer(b, echo64)
	l := newLink(b, target)
	self := func(pid int) (int, bool) { return 0, pid == os.Getpid() }
	among, full := benchMember(b, target, self), benchMember(b, target, self)
	pids := append(idleProcesses(b, 4), os.Getpid())
	among.SetCandidates(func() []int { return pids })
	var viaLink, viaAmong, viaFull []time.Duration
	for b.Loop() {
		viaLink = append(viaLink, firstRoundTrip(b, l.Addr()))
		viaAmong = append(viaAmong, firstRoundTrip(b, among.Addr()))
		viaFull = append(viaFull, firstRoundTrip(b, full.Addr()))
	}
	lm, l99 := quantiles(viaLink)
	am, a99 := quantiles(viaAmong)
	fm, f99 := quantiles(viaFull)
	for _, r := range []struct {
		name string
		v    time.Duration
	}{{"link-p50-µs", lm}, {"link-p99-µs", l99}, {"among5-p50-µs", am}, {"among5-p99-µs", a99},
		{"fullscan-p50-µs", fm}, {"fullscan-p99-µs", f99}, {"among5-added-p50-µs", am - lm}, {"fullscan-added-p50-µs", fm - lm}} {
		b.ReportMetric(us(r.v), r.name)
	}
	reportTables(b)
	if s := full.Stats(); s.Unidentified != 0 {
		b.Fatalf("%d connections unidentified: %v", s.Unidentified, s.LastUnidentified)
	}
}

func benchMember(b *testing.B, target string, identify func(int) (int, bool)) *Member {
	m, err := ListenMember("", target, 1, identify)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { m.Close() })
	return m
}

// firstRoundTrip times a new connection to addr and one round trip on it,
// then resets it (no TIME_WAIT left behind).
func firstRoundTrip(b *testing.B, addr string) time.Duration {
	start := time.Now()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		b.Fatal(err)
	}
	timeRoundTrip(b, c, make([]byte, 64))
	took := time.Since(start)
	c.(*net.TCPConn).SetLinger(0)
	c.Close()
	return took
}

// idleProcesses starts n processes that do nothing (diallers never told
// to dial), stopped by pid when the benchmark ends.
func idleProcesses(b *testing.B, n int) []int {
	pids := make([]int, n)
	for i := range pids {
		pids[i] = startDialler(b, "127.0.0.1:1", "idle").pid()
	}
	return pids
}

// reportTables reports the sizes identification's cost grows with.
func reportTables(b *testing.B) {
	all, err := allPids()
	if err != nil {
		b.Fatal(err)
	}
	tcp, err := os.ReadFile(procTCP)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(all)), "procs")
	b.ReportMetric(float64(bytes.Count(tcp, []byte("\n"))-1), "tcp-lines")
}
