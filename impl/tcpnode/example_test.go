package tcpnode_test

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/ballot-go/ballot/impl/tcpnode"
)

// One node alone is a cluster of one: it elects itself in term 1. A
// cluster of three gives each node the others' addresses in Peers.
func Example() {
	dir, err := os.MkdirTemp("", "tcpnode-example")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	state := loopbackAddr()

	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- tcpnode.Run(ctx, tcpnode.Config{ID: 0, Listen: "127.0.0.1:0", State: state, DataDir: dir})
	}()

	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if body := get("http://" + state + "/state"); body == `{"id":0,"term":1,"role":"leader","leader":0,"vote":0}`+"\n" {
			fmt.Print(body)
			break
		}
	}
	stop()
	fmt.Println("Run returned", <-done)
	// Output:
	// {"id":0,"term":1,"role":"leader","leader":0,"vote":0}
	// Run returned <nil>
}

// loopbackAddr is a free port on 127.0.0.1.
func loopbackAddr() string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// get is the body at url, or "" if there is none yet. Without keep-alive
// no connection outlives the request.
func get(url string) string {
	c := &http.Client{Timeout: time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	resp, err := c.Get(url)
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return ""
	}
	return string(b)
}
