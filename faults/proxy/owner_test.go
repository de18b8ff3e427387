package proxy

import (
	"encoding/binary"
	"errors"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

func TestParseHexAddrPort(t *testing.T) {
	le, be := binary.ByteOrder(binary.LittleEndian), binary.ByteOrder(binary.BigEndian)
	for _, tc := range []struct {
		in    string
		order binary.ByteOrder
		want  string // "" for an error
	}{
		{"0100007F:1F90", le, "127.0.0.1:8080"},
		{"7F000001:1F90", be, "127.0.0.1:8080"},
		{"0F02000A:C350", le, "10.0.2.15:50000"},
		{"00000000:0000", le, "0.0.0.0:0"},
		{"00000000000000000000000001000000:0016", le, "[::1]:22"},
		{"00000000000000000000000000000001:0016", be, "[::1]:22"},
		{"B80D0120000000000000000001000000:01BB", le, "[2001:db8::1]:443"},
		{"0000000000000000FFFF00000100007F:1F90", le, "127.0.0.1:8080"}, // v4-mapped, as net gives it
		{"00000000000000000000000000000000:0000", le, "[::]:0"},
		{"0100007f:1f90", le, "127.0.0.1:8080"}, // lower case parses too
		{"0100007F", le, ""},
		{"0100007F:1F9", le, ""},
		{"0100007F1:1F90", le, ""},
		{"0100007G:1F90", le, ""},
		{"0100007F:1F9G", le, ""},
		{"", le, ""},
	} {
		got, err := parseHexAddrPort(tc.in, tc.order)
		switch {
		case tc.want == "" && err == nil:
			t.Errorf("parseHexAddrPort(%q) = %v; want an error", tc.in, got)
		case tc.want != "" && err != nil:
			t.Errorf("parseHexAddrPort(%q): %v; want %s", tc.in, err, tc.want)
		case tc.want != "" && got != netip.MustParseAddrPort(tc.want):
			t.Errorf("parseHexAddrPort(%q) = %v; want %s", tc.in, got, tc.want)
		}
	}
}

func TestParseTCPLine(t *testing.T) {
	line := "   3: 0100007F:A7D9 0100007F:1F90 01 00000000:00000000 00:00000000 00000000  1000        0 1896644 1 00000000e5018130 20 4 30 10 -1"
	e, err := parseTCPLine(line, binary.LittleEndian)
	if err != nil {
		t.Fatal(err)
	}
	want := tcpEntry{local: netip.MustParseAddrPort("127.0.0.1:42969"), remote: netip.MustParseAddrPort("127.0.0.1:8080"), inode: 1896644}
	if e != want {
		t.Fatalf("parsed %+v; want %+v", e, want)
	}
	if _, err := parseTCPLine("   3: 0100007F:A7D9 0100007F:1F90 01", binary.LittleEndian); err == nil {
		t.Fatal("a short line parsed")
	}
}

// accepted returns both ends of a fresh loopback connection to ln, dialled
// by dial: the accepted one first.
func accepted(t *testing.T, ln net.Listener, dial func() net.Conn) (server, client net.Conn) {
	t.Helper()
	client = dial()
	t.Cleanup(func() { client.Close() })
	server, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { server.Close() })
	return server, client
}

func listen(t *testing.T, network, addr string) net.Listener {
	t.Helper()
	ln, err := net.Listen(network, addr)
	if err != nil {
		t.Skipf("no %s listener on %s here: %v", network, addr, err)
	}
	t.Cleanup(func() { ln.Close() })
	return ln
}

// ownerOf is SocketOwnerAmong for the accepted connection c.
func ownerOf(c net.Conn, pids []int) (int, error) {
	return SocketOwnerAmong(c.LocalAddr().(*net.TCPAddr), c.RemoteAddr().(*net.TCPAddr), pids)
}

func TestSocketOwnerFindsThisProcess(t *testing.T) {
	for _, tc := range []struct{ name, network, addr string }{
		{"ipv4", "tcp4", "127.0.0.1:0"},
		{"ipv6", "tcp6", "[::1]:0"},
		{"dual-stack listener, ipv4 dialler", "tcp", "[::]:0"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ln := listen(t, tc.network, tc.addr)
			addr := ln.Addr().String()
			if tc.addr == "[::]:0" {
				addr = net.JoinHostPort("127.0.0.1", portOf(t, ln))
			}
			server, _ := accepted(t, ln, func() net.Conn { return dial(t, addr) })
			sameInodeBothWays(t, server)
			for _, pids := range [][]int{nil, {1, os.Getpid()}} {
				if pid, err := ownerOf(server, pids); err != nil || pid != os.Getpid() {
					t.Fatalf("among %v: the owner is %d, %v; want this process, %d", pids, pid, err, os.Getpid())
				}
			}
		})
	}
}

// ends are the dialler's and the listener's addresses of the accepted
// connection c, as the socket tables give them.
func ends(c net.Conn) (from, to netip.AddrPort) {
	return plainAddrPort(c.RemoteAddr().(*net.TCPAddr)), plainAddrPort(c.LocalAddr().(*net.TCPAddr))
}

// sameInodeBothWays fails unless sock_diag and /proc/net find the same
// socket for the dialler of c.
func sameInodeBothWays(t *testing.T, c net.Conn) {
	t.Helper()
	from, to := ends(c)
	viaDiag, errDiag := diagInode(from, to)
	viaProc, errProc := procInode(from, to)
	if errDiag != nil || errProc != nil || viaDiag != viaProc || viaDiag == 0 {
		t.Fatalf("sock_diag found inode %d (%v), /proc/net %d (%v); want the same", viaDiag, errDiag, viaProc, errProc)
	}
}

func portOf(t *testing.T, ln net.Listener) string {
	_, port, err := net.SplitHostPort(ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	return port
}

// An IPv6 socket connected to an IPv4 address is in /proc/net/tcp6, with
// v4-mapped addresses.
func TestSocketOwnerFindsAV4MappedSocket(t *testing.T) {
	ln := listen(t, "tcp4", "127.0.0.1:0")
	port := ln.Addr().(*net.TCPAddr).Port
	server, _ := accepted(t, ln, func() net.Conn { return dialMapped(t, port) })
	from, to := ends(server)
	if inode, _, err := findInTable(procTCP6, from, to); err != nil || inode == 0 {
		t.Fatalf("the dialler's socket is not in %s: inode %d, %v", procTCP6, inode, err)
	}
	sameInodeBothWays(t, server)
	if pid, err := ownerOf(server, nil); err != nil || pid != os.Getpid() {
		t.Fatalf("the owner is %d, %v; want this process, %d", pid, err, os.Getpid())
	}
}

// dialMapped connects an AF_INET6 socket to ::ffff:127.0.0.1 (net would
// use an AF_INET one), blocking until connected.
func dialMapped(t *testing.T, port int) net.Conn {
	t.Helper()
	fd, err := syscall.Socket(syscall.AF_INET6, syscall.SOCK_STREAM|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		t.Skipf("no IPv6 sockets here: %v", err)
	}
	sa := &syscall.SockaddrInet6{Port: port, Addr: [16]byte{10: 0xff, 11: 0xff, 12: 127, 15: 1}}
	if err := syscall.Connect(fd, sa); err != nil {
		syscall.Close(fd)
		t.Skipf("no v4-mapped connection here: %v", err)
	}
	f := os.NewFile(uintptr(fd), "v4-mapped")
	defer f.Close()
	c, err := net.FileConn(f)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSocketOwnerFindsAChildProcess(t *testing.T) {
	ln := listen(t, "tcp4", "127.0.0.1:0")
	d := startDialler(t, ln.Addr().String(), "child")
	d.start(t)
	server, err := ln.Accept()
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()
	expect(t, server, "child\n", patience) // it is the child's
	for _, pids := range [][]int{nil, {os.Getpid(), d.pid()}} {
		if pid, err := ownerOf(server, pids); err != nil || pid != d.pid() {
			t.Fatalf("among %v: the owner is %d, %v; want the child, %d", pids, pid, err, d.pid())
		}
	}
	_, err = ownerOf(server, []int{os.Getpid()})
	wantError(t, err, "no process holds the socket from", "among pids ["+strconv.Itoa(os.Getpid())+"]")
}

func TestSocketOwnerSaysWhatWasNotFound(t *testing.T) {
	proxyAddr := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 1}
	nobody := &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 2}
	_, err := SocketOwner(proxyAddr, nobody)
	wantError(t, err, "no TCP socket from 127.0.0.1:2 to 127.0.0.1:1", "/proc/net/tcp")
	_, err = SocketOwner(nil, nobody)
	wantError(t, err, "needs both addresses")
}

// A dialler that closed its end leaves a socket no process holds.
func TestSocketOwnerOfAClosedSocket(t *testing.T) {
	ln := listen(t, "tcp4", "127.0.0.1:0")
	server, client := accepted(t, ln, func() net.Conn { return dial(t, ln.Addr().String()) })
	client.Close()
	ended(t, server, patience) // the FIN arrived: the client's socket is closed
	_, err := ownerOf(server, nil)
	wantError(t, err, "is closed", "held by no process")
	if _, err := procInode(ends(server)); !errors.Is(err, errSocketClosed) {
		t.Fatalf("/proc/net: %v; want the socket closed", err)
	}
}

func wantError(t *testing.T, err error, parts ...string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error; want one saying %q", parts)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Fatalf("error %q; want it to say %q", err, p)
		}
	}
}

// A lookup that misses falls back, in the kernel, to a listener on the
// port asked for: sock_diag's answer is checked against the question.
func TestDiagInodeRefusesAnotherSocket(t *testing.T) {
	ln := listen(t, "tcp4", "127.0.0.1:0")
	listener := plainAddrPort(ln.Addr().(*net.TCPAddr))
	elsewhere := netip.MustParseAddrPort("127.0.0.1:1")
	_, err := diagInode(listener, elsewhere)
	wantError(t, err, "sock_diag: asked for "+listener.String()+" -> 127.0.0.1:1, found")
	_, err = diagInode(elsewhere, listener)
	wantError(t, err, "sock_diag: no such file or directory")
}

func TestDiagAnswerRefusesWhatDoesNotParse(t *testing.T) {
	addr := netip.MustParseAddrPort("127.0.0.1:1")
	short := make([]byte, syscall.SizeofNlMsghdr+8)
	binary.NativeEndian.PutUint32(short, uint32(len(short)))
	binary.NativeEndian.PutUint16(short[4:], sockDiagByFamily)
	for _, b := range [][]byte{nil, {1, 2, 3}, short} {
		if _, err := diagAnswer(b, addr, addr); err == nil {
			t.Errorf("diagAnswer(%v) gave no error", b)
		}
	}
}
