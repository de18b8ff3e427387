package machine

// Timing, in ticks (10 ms each in the simulator's default).
const (
	// ElectionTimeoutMin and ElectionTimeoutSpan bound the election
	// timeout: a draw in [50, 100) ticks, 500 ms to 1 s. Its shortest is
	// more than three heartbeat periods, so a follower does not time out
	// because one heartbeat was late.
	ElectionTimeoutMin  = 50
	ElectionTimeoutSpan = 50

	// HeartbeatTicks is a leader's period: 150 ms, fewer than seven a
	// second, which stays under a budget of ten a second on a clock that
	// runs 1.25 times fast, and with the extra heartbeat a node sends on
	// taking office.
	HeartbeatTicks = 15

	// SilentTicks is how long a peer may go unheard before a leader that
	// hears a majority without it stops heartbeating it: 1.5 s, well above
	// the longest election timeout, so a peer that answers late is never
	// dropped, and well below the shortest crash the suite injects (2 s).
	SilentTicks = 150
)
