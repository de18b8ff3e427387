package proxy

import (
	"encoding/binary"
	"errors"
	"fmt"
	"net/netip"
	"syscall"
)

// Why SocketOwner asks sock_diag (netlink) before reading /proc/net/tcp:
// the kernel writes /proc/net/tcp by walking every bucket of its TCP hash
// tables, empty or not, which took about 0.9 ms per table on the 2-core
// host this was measured on (262144 buckets), whatever the number of
// sockets, and an IPv4 socket may need both tables. sock_diag looks the
// one socket up by its addresses, in the hash, in microseconds (see
// BenchmarkIdentify). Where sock_diag fails (no inet_diag module, a
// sandbox), or says there is no such socket, /proc/net/tcp decides.

// The kernel's sock_diag ABI (linux/sock_diag.h, linux/inet_diag.h).
const (
	sockDiagByFamily = 20 // SOCK_DIAG_BY_FAMILY
	diagReqLen       = 56 // struct inet_diag_req_v2
	diagMsgLen       = 72 // struct inet_diag_msg
	diagIDOffset     = 4  // of the struct inet_diag_sockid in both
	diagInodeOffset  = 68 // of idiag_inode in struct inet_diag_msg
	diagAllStates    = ^uint32(0)
	diagNoCookie     = ^uint32(0) // INET_DIAG_NOCOOKIE
)

// diagRecvTimeout bounds the wait for the kernel's answer, which it
// queues before the request's send returns.
var diagRecvTimeout = syscall.Timeval{Sec: 1}

// errSocketClosed is a socket that exists but no process holds (TIME_WAIT).
var errSocketClosed = errors.New("closed (TIME_WAIT or orphaned: held by no process)")

// diagInode asks sock_diag for the TCP socket from -> to: its inode, or
// errSocketClosed, or another error when it does not know.
func diagInode(from, to netip.AddrPort) (uint64, error) {
	fd, err := syscall.Socket(syscall.AF_NETLINK, syscall.SOCK_DGRAM|syscall.SOCK_CLOEXEC, syscall.NETLINK_INET_DIAG)
	if err != nil {
		return 0, fmt.Errorf("sock_diag: %w", err)
	}
	defer syscall.Close(fd)
	if err := syscall.SetsockoptTimeval(fd, syscall.SOL_SOCKET, syscall.SO_RCVTIMEO, &diagRecvTimeout); err != nil {
		return 0, fmt.Errorf("sock_diag: %w", err)
	}
	if err := syscall.Sendto(fd, diagRequest(from, to), 0, &syscall.SockaddrNetlink{Family: syscall.AF_NETLINK}); err != nil {
		return 0, fmt.Errorf("sock_diag: asking: %w", err)
	}
	buf := make([]byte, 1024) // one answer: a header and an inet_diag_msg, or an error
	n, _, err := syscall.Recvfrom(fd, buf, 0)
	if err != nil {
		return 0, fmt.Errorf("sock_diag: reading the answer: %w", err)
	}
	return diagAnswer(buf[:n], from, to)
}

// diagRequest asks for the one socket whose source is from and destination
// to; an IPv4 lookup finds v4-mapped IPv6 sockets too, as they are hashed
// by their IPv4 addresses.
func diagRequest(from, to netip.AddrPort) []byte {
	family := byte(syscall.AF_INET6)
	if from.Addr().Is4() {
		family = syscall.AF_INET
	}
	b := make([]byte, syscall.SizeofNlMsghdr+diagReqLen)
	ne := binary.NativeEndian
	ne.PutUint32(b[0:], uint32(len(b)))
	ne.PutUint16(b[4:], sockDiagByFamily)
	ne.PutUint16(b[6:], syscall.NLM_F_REQUEST) // no NLM_F_DUMP: an exact lookup
	req := b[syscall.SizeofNlMsghdr:]
	req[0], req[1] = family, syscall.IPPROTO_TCP
	ne.PutUint32(req[4:], diagAllStates)
	id := req[8:]
	binary.BigEndian.PutUint16(id[0:], from.Port())
	binary.BigEndian.PutUint16(id[2:], to.Port())
	copy(id[4:20], from.Addr().AsSlice()) // 4 or 16 bytes, in network order, as the ABI wants

	copy(id[20:36], to.Addr().AsSlice())
	ne.PutUint32(id[40:], diagNoCookie)
	ne.PutUint32(id[44:], diagNoCookie)
	return b
}

// diagAnswer reads the kernel's answer: the socket's inode, unless the
// socket it found is not from -> to (a lookup that misses an established
// socket can return a listener on from's port).
func diagAnswer(b []byte, from, to netip.AddrPort) (uint64, error) {
	msgs, err := syscall.ParseNetlinkMessage(b)
	if err != nil || len(msgs) == 0 {
		return 0, fmt.Errorf("sock_diag: an answer that does not parse (%d bytes): %v", len(b), err)
	}
	m := msgs[0]
	switch {
	case m.Header.Type == syscall.NLMSG_ERROR && len(m.Data) >= 4:
		errno := syscall.Errno(-int32(binary.NativeEndian.Uint32(m.Data)))
		return 0, fmt.Errorf("sock_diag: %w", errno)
	case m.Header.Type != sockDiagByFamily || len(m.Data) < diagMsgLen:
		return 0, fmt.Errorf("sock_diag: an answer of type %d, %d bytes", m.Header.Type, len(m.Data))
	}
	gotFrom, gotTo := diagSockID(m.Data[0], m.Data[diagIDOffset:])
	if gotFrom != from || gotTo != to {
		return 0, fmt.Errorf("sock_diag: asked for %v -> %v, found %v -> %v", from, to, gotFrom, gotTo)
	}
	inode := uint64(binary.NativeEndian.Uint32(m.Data[diagInodeOffset:]))
	if inode == 0 {
		return 0, errSocketClosed
	}
	return inode, nil
}

// diagSockID reads the addresses of a struct inet_diag_sockid of family,
// v4-mapped ones as IPv4, as plainAddrPort gives them.
func diagSockID(family byte, id []byte) (src, dst netip.AddrPort) {
	size := 16
	if family == syscall.AF_INET {
		size = 4
	}
	s, _ := netip.AddrFromSlice(id[4 : 4+size])
	d, _ := netip.AddrFromSlice(id[20 : 20+size])
	return netip.AddrPortFrom(s.Unmap(), binary.BigEndian.Uint16(id[0:])),
		netip.AddrPortFrom(d.Unmap(), binary.BigEndian.Uint16(id[2:]))
}
