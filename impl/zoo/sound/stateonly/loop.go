package stateonly

// loop is the only goroutine that touches the node's state. It handles one
// event at a time, then publishes the result for State.
func (n *node) loop() {
	defer close(n.loopDone)
	defer n.wake.Stop()
	for {
		select {
		case <-n.stop:
			return
		case <-n.wake.C:
			n.onWake()
		case ev := <-n.events:
			n.handle(ev)
		}
		n.publish()
	}
}

func (n *node) handle(ev any) {
	switch ev := ev.(type) {
	case request[VoteArgs, VoteReply]:
		ev.answer <- n.onRequestVote(ev.args)
	case request[AppendArgs, AppendReply]:
		ev.answer <- n.onAppendEntries(ev.args)
	case outcome[VoteArgs, VoteReply]:
		n.onVoteReply(ev)
	case outcome[AppendArgs, AppendReply]:
		n.onAppendReply(ev)
	}
}

// onWake is the timer: a leader's heartbeat is due, or a follower's or
// candidate's election timeout has passed with nobody heard from.
func (n *node) onWake() {
	if n.role == leader {
		n.heartbeat()
		return
	}
	n.campaign()
}
