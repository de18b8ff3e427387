package proxy_test

import (
	"fmt"
	"io"
	"log"
	"net"
	"time"

	"github.com/ballot-go/ballot/faults/proxy"
)

// A link between a sender and an echo server standing for node j: clean,
// delayed, cut, healed.
func Example() {
	target, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	defer target.Close()
	go serveEcho(target)

	// The sender is given link.Addr() in place of the target's address.
	link, err := proxy.ListenSeeded("127.0.0.1:0", target.Addr().String(), 42)
	if err != nil {
		log.Fatal(err)
	}
	defer link.Close()

	c, err := net.Dial("tcp", link.Addr())
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	fmt.Println(ask(c, "ping"))

	link.Set(proxy.Effect{Delay: 20 * time.Millisecond})
	start := time.Now()
	fmt.Println(ask(c, "slow"), time.Since(start) >= 40*time.Millisecond) // the delay, each way

	link.Set(proxy.Effect{Cut: true})
	_, err = c.Read(make([]byte, 1))
	fmt.Println("cut:", err)

	link.Set(proxy.Effect{})
	again, err := net.Dial("tcp", link.Addr())
	if err != nil {
		log.Fatal(err)
	}
	defer again.Close()
	fmt.Println("healed:", ask(again, "pong"))
	link.Close() // waits for the counts to settle
	fmt.Printf("%+v\n", link.Stats())
	// Output:
	// ping
	// slow true
	// cut: EOF
	// healed: pong
	// {Accepted:2 Refused:0 Failed:0 Live:0 ToTarget:12 FromTarget:12}
}

// ask sends msg and returns the answer, or the error.
func ask(c net.Conn, msg string) string {
	if _, err := c.Write([]byte(msg)); err != nil {
		return err.Error()
	}
	buf := make([]byte, len(msg))
	if _, err := io.ReadFull(c, buf); err != nil {
		return err.Error()
	}
	return string(buf)
}

func serveEcho(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go func() {
			defer c.Close()
			io.Copy(c, c)
		}()
	}
}
