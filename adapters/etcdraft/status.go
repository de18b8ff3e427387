package etcdraft

import (
	"github.com/ballot-go/ballot/impl"
	"go.etcd.io/raft/v3"
)

// roles maps the library's states onto ballot's roles, one for one.
var roles = [...]impl.Role{
	raft.StateFollower:     impl.Follower,
	raft.StatePreCandidate: impl.PreCandidate,
	raft.StateCandidate:    impl.Candidate,
	raft.StateLeader:       impl.Leader,
}

// Status implements impl.Machine. BasicStatus neither allocates nor
// changes anything, which matters: the simulator reads it after every call.
func (m *Machine) Status() impl.Status {
	return status(m.id, m.rn.BasicStatus())
}

func status(id int, st raft.BasicStatus) impl.Status {
	return impl.Status{
		ID:       id,
		Term:     st.Term,
		Role:     roles[st.RaftState],
		Leader:   nodeID(st.Lead),
		VotedFor: nodeID(st.Vote),
	}
}
