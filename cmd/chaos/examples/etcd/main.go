// Command etcd-member runs one member of an etcd cluster, embedded from
// go.etcd.io/etcd/server/v3, and serves ballot's process contract for it:
// GET /state answers {"id","term","role","leader"} from the member's own
// raft state, its member id mapped to its node id. It is an example of
// putting an existing system under `chaos run --cluster`, in a module of
// its own so that ballot itself does not depend on etcd (see cluster.yaml).
//
//	etcd-member --id 0 --listen 127.0.0.1:7000 --advertise 127.0.0.1:9000 \
//	    --state 127.0.0.1:8000 --data /tmp/m0 --peers 1=127.0.0.1:9001,2=127.0.0.1:9002
//
// etcd advertises one peer address per member, which every other member
// dials; --advertise is that address for this member, and --peers gives
// the others'. Under ballot they are the members' proxies.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/url"
	"os"
	"os/signal"
	"sort"
	"strconv"
	"strings"
	"syscall"

	"go.etcd.io/etcd/server/v3/embed"
)

type options struct {
	id                        int
	listen, advertise, state  string
	data, peers, clientListen string
}

func main() {
	var o options
	flag.IntVar(&o.id, "id", -1, "this member's node id, from 0")
	flag.StringVar(&o.listen, "listen", "", "host:port this member listens on for its peers")
	flag.StringVar(&o.advertise, "advertise", "", "host:port the other members dial for this one")
	flag.StringVar(&o.state, "state", "", "host:port of GET /state")
	flag.StringVar(&o.data, "data", "", "the member's data directory, kept across restarts")
	flag.StringVar(&o.peers, "peers", "", "the other members' advertised addresses: J=host:port,K=host:port")
	flag.StringVar(&o.clientListen, "client", "127.0.0.1:0", "host:port for etcd's clients")
	flag.Parse()
	if err := run(o); err != nil {
		log.Fatalf("etcd-member %d: %v", o.id, err)
	}
}

func run(o options) error {
	if o.id < 0 || o.listen == "" || o.advertise == "" || o.state == "" || o.data == "" {
		return errors.New("give --id, --listen, --advertise, --state and --data")
	}
	cluster, err := initialCluster(o)
	if err != nil {
		return err
	}
	client, err := clientAddress(o.clientListen)
	if err != nil {
		return err
	}
	cfg := embed.NewConfig()
	cfg.Name, cfg.Dir, cfg.InitialCluster, cfg.InitialClusterToken = memberName(o.id), o.data, cluster, "ballot"
	cfg.ListenPeerUrls, cfg.AdvertisePeerUrls = []url.URL{httpURL(o.listen)}, []url.URL{httpURL(o.advertise)}
	cfg.ListenClientUrls, cfg.AdvertiseClientUrls = []url.URL{httpURL(client)}, []url.URL{httpURL(client)}
	cfg.LogLevel = "error"
	e, err := embed.StartEtcd(cfg)
	if err != nil {
		return err
	}
	defer e.Close()
	go serveState(o, e)
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	select {
	case <-ctx.Done():
		return nil
	case err := <-e.Err():
		return err
	}
}

// initialCluster is etcd's --initial-cluster: every member at the address
// the others dial for it.
func initialCluster(o options) (string, error) {
	parts := []string{memberName(o.id) + "=http://" + o.advertise}
	for _, p := range strings.Split(o.peers, ",") {
		if p == "" {
			continue
		}
		j, addr, ok := strings.Cut(p, "=")
		id, err := strconv.Atoi(j)
		if !ok || err != nil || id == o.id {
			return "", fmt.Errorf("--peers %q: write J=host:port for each other member", o.peers)
		}
		parts = append(parts, memberName(id)+"=http://"+addr)
	}
	sort.Strings(parts)
	return strings.Join(parts, ","), nil
}

// clientAddress resolves a ":0" client port now: etcd advertises it.
func clientAddress(addr string) (string, error) {
	if !strings.HasSuffix(addr, ":0") {
		return addr, nil
	}
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return "", err
	}
	defer l.Close()
	return l.Addr().String(), nil
}

func memberName(id int) string { return "node" + strconv.Itoa(id) }

func httpURL(hostport string) url.URL { return url.URL{Scheme: "http", Host: hostport} }
