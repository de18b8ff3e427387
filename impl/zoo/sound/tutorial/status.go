package tutorial

import "github.com/ballot-go/ballot/impl"

// roles translates the tutorial's states into the framework's roles.
var roles = [...]impl.Role{Follower: impl.Follower, Candidate: impl.Candidate, Leader: impl.Leader, Dead: impl.Down}

// report tells the Observer about a change of status. Expects cm.mu to be
// locked: reporting under the lock keeps the reports in the order the
// changes happened, so a term never appears to go backwards.
func (cm *ConsensusModule) report() {
	if cm.state == Dead {
		return // the framework already counts a stopped node as down
	}
	st := impl.Status{
		ID:       cm.id,
		Term:     uint64(cm.currentTerm),
		Role:     roles[cm.state],
		Leader:   cm.leaderId,
		VotedFor: cm.votedFor,
	}
	if st != cm.reported {
		cm.reported = st
		cm.env.Observer.Observe(st)
	}
}
