package proxy

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
)

// Why a proxy asks the kernel who dialled it: a proxy in front of one
// member (see Member) is dialled by every other member, and only the
// process holding the far end of an accepted connection tells them apart.
// On one host the kernel knows: the far end's socket has an inode (from
// sock_diag, or the socket tables in /proc/net), and the process that holds
// it has a descriptor linking to "socket:[inode]" in /proc/PID/fd.

// procTCP and procTCP6 are the kernel's TCP socket tables of this network
// namespace. An IPv6 socket connected to an IPv4 address is in procTCP6,
// with v4-mapped addresses.
const (
	procTCP  = "/proc/net/tcp"
	procTCP6 = "/proc/net/tcp6"
)

// tableReadSize is the read buffer for a socket table, of lines of about
// 150 bytes: the kernel formats as many as a read asks for, so a large
// buffer means few reads.
const tableReadSize = 64 << 10

// SocketOwner returns the pid of the process, on this host, that holds the
// dialling end of a TCP connection the proxy accepted: local is the
// accepted connection's LocalAddr (the proxy's address) and remote its
// RemoteAddr (the dialler's). It is Linux only; it sees the sockets of its
// own network namespace (a proxy and the members it serves share one) and
// the processes whose /proc/PID/fd it may read (the same user's, or all
// for root). A socket shared by several processes (inherited across fork)
// is reported for one of them: the lowest pid.
func SocketOwner(local, remote *net.TCPAddr) (pid int, err error) {
	return SocketOwnerAmong(local, remote, nil)
}

// SocketOwnerAmong is SocketOwner looking only at the processes pids, in
// their order, which is much faster than reading every process's
// descriptors; nil pids means every process. A shared socket is reported
// for the first of pids that holds it.
func SocketOwnerAmong(local, remote *net.TCPAddr, pids []int) (pid int, err error) {
	if local == nil || remote == nil {
		return 0, errors.New("proxy: SocketOwner needs both addresses of the connection")
	}
	from, to := plainAddrPort(remote), plainAddrPort(local)
	inode, err := socketInode(from, to)
	if err != nil {
		return 0, err
	}
	return inodeOwner(inode, pids, from, to)
}

// plainAddrPort is a's address as it is in the socket tables: no zone, and
// IPv4 as 4 bytes, whichever form net gave.
func plainAddrPort(a *net.TCPAddr) netip.AddrPort {
	ap := a.AddrPort()
	return netip.AddrPortFrom(ap.Addr().Unmap().WithZone(""), ap.Port())
}

// socketInode finds the open socket whose local address is from and
// remote address is to, and returns its inode: from sock_diag when it
// knows, else from the socket tables in /proc (see owner_diag.go for why).
func socketInode(from, to netip.AddrPort) (uint64, error) {
	inode, err := diagInode(from, to)
	switch {
	case err == nil:
		return inode, nil
	case errors.Is(err, errSocketClosed):
		return 0, fmt.Errorf("proxy: the socket from %v to %v is %w", from, to, err)
	}
	return procInode(from, to)
}

// procInode is socketInode reading /proc/net/tcp and /proc/net/tcp6.
func procInode(from, to netip.AddrPort) (uint64, error) {
	tables := []string{procTCP6}
	if from.Addr().Is4() {
		tables = []string{procTCP, procTCP6}
	}
	closed := false
	for _, table := range tables {
		inode, sawClosed, err := findInTable(table, from, to)
		if err != nil || inode != 0 {
			return inode, err
		}
		closed = closed || sawClosed
	}
	if closed {
		return 0, fmt.Errorf("proxy: the socket from %v to %v is %w", from, to, errSocketClosed)
	}
	return 0, fmt.Errorf("proxy: no TCP socket from %v to %v in %s", from, to, strings.Join(tables, " or "))
}

// findInTable reads one socket table until the line of the open socket
// from -> to, and returns its inode; 0 if there is none, with sawClosed
// set if the table holds a closed one (the kernel shows a closed socket,
// in TIME_WAIT say, with inode 0: no process holds it). A missing table
// (IPv6 disabled) holds nothing.
func findInTable(table string, from, to netip.AddrPort) (inode uint64, sawClosed bool, err error) {
	f, err := os.Open(table)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, fmt.Errorf("proxy: reading the socket table: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(bufio.NewReaderSize(f, tableReadSize))
	sc.Scan() // the header
	for sc.Scan() {
		e, err := parseTCPLine(sc.Text(), binary.NativeEndian)
		if err != nil {
			return 0, false, fmt.Errorf("proxy: %s: %w", table, err)
		}
		if e.local != from || e.remote != to {
			continue
		}
		if e.inode != 0 {
			return e.inode, false, nil
		}
		sawClosed = true
	}
	if err := sc.Err(); err != nil {
		return 0, false, fmt.Errorf("proxy: reading %s: %w", table, err)
	}
	return 0, sawClosed, nil
}

// tcpEntry is what SocketOwner needs of a line of a socket table.
type tcpEntry struct {
	local, remote netip.AddrPort
	inode         uint64
}

// Columns of a socket table line, split at spaces: "sl local_address
// rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode".
const (
	colLocal  = 1
	colRemote = 2
	colInode  = 9
)

// parseTCPLine parses a line of /proc/net/tcp or /proc/net/tcp6 whose
// addresses are written in order (the machine's own byte order).
func parseTCPLine(line string, order binary.ByteOrder) (tcpEntry, error) {
	f := strings.Fields(line)
	if len(f) <= colInode {
		return tcpEntry{}, fmt.Errorf("a line of %d fields, want at least %d: %q", len(f), colInode+1, line)
	}
	local, err := parseHexAddrPort(f[colLocal], order)
	if err != nil {
		return tcpEntry{}, err
	}
	remote, err := parseHexAddrPort(f[colRemote], order)
	if err != nil {
		return tcpEntry{}, err
	}
	inode, err := strconv.ParseUint(f[colInode], 10, 64)
	if err != nil {
		return tcpEntry{}, fmt.Errorf("inode %q: %w", f[colInode], err)
	}
	return tcpEntry{local: local, remote: remote, inode: inode}, nil
}

// parseHexAddrPort parses "ADDR:PORT" as the kernel writes it: the address
// as 32-bit words (one for IPv4, four for IPv6), each printed as a number
// with %08X, so each word's bytes are in order's byte order (little-endian
// on x86 and arm64: 127.0.0.1 is 0100007F); the port as a number with
// %04X. A v4-mapped IPv6 address is returned as IPv4, as net gives it.
func parseHexAddrPort(s string, order binary.ByteOrder) (netip.AddrPort, error) {
	hexAddr, hexPort, ok := strings.Cut(s, ":")
	if !ok || len(hexPort) != 4 || (len(hexAddr) != 8 && len(hexAddr) != 32) {
		return netip.AddrPort{}, fmt.Errorf("address %q: want 8 or 32 hex digits, a colon and 4", s)
	}
	port, err := strconv.ParseUint(hexPort, 16, 16)
	if err != nil {
		return netip.AddrPort{}, fmt.Errorf("port of %q: %w", s, err)
	}
	var b [16]byte
	words := len(hexAddr) / 8
	for i := range words {
		w, err := strconv.ParseUint(hexAddr[8*i:8*i+8], 16, 32)
		if err != nil {
			return netip.AddrPort{}, fmt.Errorf("address of %q: %w", s, err)
		}
		order.PutUint32(b[4*i:], uint32(w))
	}
	addr, _ := netip.AddrFromSlice(b[:4*words]) // 4 or 16 bytes: never fails
	return netip.AddrPortFrom(addr.Unmap(), uint16(port)), nil
}

// inodeOwner returns the first of pids (every process when nil) with a
// descriptor for the socket inode. from and to name the socket in errors.
func inodeOwner(inode uint64, pids []int, from, to netip.AddrPort) (int, error) {
	among := func() string { return fmt.Sprintf("among pids %v", pids) }
	if pids == nil {
		all, err := allPids()
		if err != nil {
			return 0, err
		}
		pids, among = all, func() string { return fmt.Sprintf("among all %d processes", len(all)) }
	}
	want := "socket:[" + strconv.FormatUint(inode, 10) + "]"
	denied := 0
	for _, pid := range pids {
		held, err := holds(pid, want)
		if held {
			return pid, nil
		}
		if errors.Is(err, fs.ErrPermission) {
			denied++
		}
	}
	err := fmt.Errorf("proxy: no process holds the socket from %v to %v (inode %d) %s", from, to, inode, among())
	if denied > 0 {
		err = fmt.Errorf("%w; the descriptors of %d of them were not readable (another user's?)", err, denied)
	}
	return 0, err
}

// holds reports whether process pid has a descriptor linking to want. A
// process that has exited, or whose descriptors are not readable, holds
// nothing, with the error saying which.
func holds(pid int, want string) (bool, error) {
	dir := "/proc/" + strconv.Itoa(pid) + "/fd/"
	f, err := os.Open(dir)
	if err != nil {
		return false, err
	}
	names, err := f.Readdirnames(-1)
	f.Close()
	if err != nil {
		return false, err
	}
	for _, name := range names {
		if link, err := os.Readlink(dir + name); err == nil && link == want {
			return true, nil
		}
	}
	return false, nil
}

// allPids lists every process in /proc, in increasing order as the kernel
// lists them.
func allPids() ([]int, error) {
	f, err := os.Open("/proc")
	if err != nil {
		return nil, fmt.Errorf("proxy: listing processes: %w", err)
	}
	defer f.Close()
	names, err := f.Readdirnames(-1)
	if err != nil {
		return nil, fmt.Errorf("proxy: listing processes: %w", err)
	}
	pids := make([]int, 0, len(names))
	for _, name := range names {
		if pid, err := strconv.Atoi(name); err == nil && pid > 0 {
			pids = append(pids, pid)
		}
	}
	return pids, nil
}
