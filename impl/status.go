package impl

import "fmt"

// None marks the absence of a node id: no known leader, no vote.
const None = -1

// Role is a node's part in the election.
type Role uint8

const (
	Follower Role = iota
	// PreCandidate is a node running a pre-vote (Raft thesis §9.6).
	PreCandidate
	Candidate
	Leader
	// Down is the role the framework reports for a crashed or stopped node.
	Down
)

var roleNames = [...]string{Follower: "follower", PreCandidate: "precandidate", Candidate: "candidate", Leader: "leader", Down: "down"}

func (r Role) String() string {
	if int(r) < len(roleNames) {
		return roleNames[r]
	}
	return fmt.Sprintf("role(%d)", uint8(r))
}

// MarshalText lets roles appear by name in JSON.
func (r Role) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText parses a role by name.
func (r *Role) UnmarshalText(b []byte) error {
	for i, name := range roleNames {
		if name == string(b) {
			*r = Role(i)
			return nil
		}
	}
	return fmt.Errorf("impl: unknown role %q", b)
}

// Status is what a node believes about itself. It is read after every Tick
// and Step of a Machine, so it must be cheap and must not change state.
type Status struct {
	ID   int
	Term uint64
	Role Role
	// Leader is the node this one believes leads Term, or None.
	Leader int
	// VotedFor is the node this one voted for in Term, or None.
	VotedFor int
}

func (s Status) String() string {
	return fmt.Sprintf("n%d t%d %s leader=%d vote=%d", s.ID, s.Term, s.Role, s.Leader, s.VotedFor)
}

// DownStatus is what the framework reports for a crashed or stopped node:
// its last known term, and no beliefs.
func DownStatus(id int, term uint64) Status {
	return Status{ID: id, Term: term, Role: Down, Leader: None, VotedFor: None}
}
