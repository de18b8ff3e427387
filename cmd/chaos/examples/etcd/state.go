package main

import (
	"encoding/json"
	"expvar"
	"log"
	"net/http"
	"strconv"
	"strings"

	"go.etcd.io/etcd/server/v3/embed"
)

// state is the process contract's answer.
type state struct {
	ID     int    `json:"id"`
	Term   uint64 `json:"term"`
	Role   string `json:"role"`
	Leader int    `json:"leader"`
	Vote   int    `json:"vote"`
}

// raftStatus is the part of raft's own status that etcd publishes as the
// expvar "raft.status". Its term is raft's current term. EtcdServer.Term
// and the maintenance API's raft_term are the term of the last applied
// entry instead: after a restart they can be lower than the term the
// member had reached, and would read as a term going backwards.
type raftStatus struct {
	Term      uint64 `json:"term"`
	Vote      string `json:"vote"`
	Lead      string `json:"lead"`
	RaftState string `json:"raftState"`
}

var roles = map[string]string{
	"StateFollower": "follower", "StatePreCandidate": "precandidate", "StateCandidate": "candidate", "StateLeader": "leader",
}

func serveState(o options, e *embed.Etcd) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /state", func(w http.ResponseWriter, _ *http.Request) {
		st, ok := currentState(o.id, e)
		if !ok {
			http.Error(w, "raft is not running yet", http.StatusServiceUnavailable)
			return
		}
		json.NewEncoder(w).Encode(st)
	})
	log.Print(http.ListenAndServe(o.state, mux))
}

func currentState(id int, e *embed.Etcd) (state, bool) {
	v := expvar.Get("raft.status")
	if v == nil {
		return state{}, false
	}
	var rs raftStatus
	if err := json.Unmarshal([]byte(v.String()), &rs); err != nil || rs.RaftState == "" {
		return state{}, false
	}
	return state{ID: id, Term: rs.Term, Role: roles[rs.RaftState], Leader: nodeOf(e, rs.Lead), Vote: nodeOf(e, rs.Vote)}, true
}

// nodeOf maps an etcd member id (hex, as raft prints it) to ballot's node
// id, by the member's name ("node3"); -1 for none.
func nodeOf(e *embed.Etcd, hexID string) int {
	member, err := strconv.ParseUint(hexID, 16, 64)
	if err != nil || member == 0 {
		return -1
	}
	for _, m := range e.Server.Cluster().Members() {
		if uint64(m.ID) == member {
			if n, err := strconv.Atoi(strings.TrimPrefix(m.Name, "node")); err == nil {
				return n
			}
		}
	}
	return -1
}
