package procnet

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/ballot-go/ballot/impl"
)

// stateReply is the process contract's GET /state answer:
// {"id":0,"term":3,"role":"leader","leader":0,"vote":0}. Pointers tell a
// missing field from a zero one; vote is optional.
type stateReply struct {
	ID     *int    `json:"id"`
	Term   *uint64 `json:"term"`
	Role   *string `json:"role"`
	Leader *int    `json:"leader"`
	Vote   *int    `json:"vote"`
}

// errGarbage marks an answer that is not the contract's JSON: a finding
// about the node, not a failure of ballot.
var errGarbage = errors.New("not the process contract's /state")

// readState asks node id at addr for its state, within answer.
func readState(ctx context.Context, client *http.Client, addr string, id int, answer time.Duration) (impl.Status, error) {
	ctx, cancel := context.WithTimeout(ctx, answer)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "http://"+addr+"/state", nil)
	if err != nil {
		return impl.Status{}, err
	}
	resp, err := client.Do(req)
	if err != nil {
		return impl.Status{}, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if err != nil {
		return impl.Status{}, err
	}
	if resp.StatusCode != http.StatusOK {
		return impl.Status{}, fmt.Errorf("%w: HTTP %s, body %q", errGarbage, resp.Status, clip(body))
	}
	return parseState(body, id)
}

// parseState checks an answer against the contract.
func parseState(body []byte, id int) (impl.Status, error) {
	var r stateReply
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(&r); err != nil {
		return impl.Status{}, fmt.Errorf("%w: %q is not JSON (%v)", errGarbage, clip(body), err)
	}
	if r.ID == nil || r.Term == nil || r.Role == nil || r.Leader == nil {
		return impl.Status{}, fmt.Errorf("%w: %q lacks one of id, term, role, leader", errGarbage, clip(body))
	}
	if *r.ID != id {
		return impl.Status{}, fmt.Errorf("%w: node %d answered with id %d: is its state address another node's?", errGarbage, id, *r.ID)
	}
	var role impl.Role
	if err := role.UnmarshalText([]byte(*r.Role)); err != nil || role == impl.Down {
		return impl.Status{}, fmt.Errorf("%w: role %q is none of follower, precandidate, candidate, leader", errGarbage, *r.Role)
	}
	vote := impl.None
	if r.Vote != nil {
		vote = *r.Vote
	}
	return impl.Status{ID: id, Term: *r.Term, Role: role, Leader: *r.Leader, VotedFor: vote}, nil
}

func clip(b []byte) string {
	const most = 200
	if len(b) > most {
		return string(b[:most]) + "..."
	}
	return string(b)
}
