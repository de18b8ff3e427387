package checker

import (
	"time"

	"github.com/ballot-go/ballot/impl"
)

// Recovery is one election a history owed and got, as ReElection sees it:
// the cluster lost its leader (or had none yet) at Lost, and from Elected
// on a majority heard a leader of a higher term.
type Recovery struct {
	// Cause is why an election was owed: "first" (none yet), "went down",
	// "was cut off" or "stepped down".
	Cause string
	// Leader and Term are the leader that was lost; impl.None and 0 for
	// the first election.
	Leader int
	Term   uint64
	// Lost, Could and Elected are times since the start of the history:
	// the leader was lost at Lost; from Could on, a majority could talk
	// (ReElection's clock ran: it may stop and start again while
	// partitions come and go, and Could is its last start); from Elected
	// on, a majority heard a new leader.
	Lost, Could, Elected time.Duration
}

// Took is how long the cluster went without a leader a majority heard,
// counted, as ReElection counts it, from when a majority could elect one:
// the implementation's own time, not the fault's.
func (r Recovery) Took() time.Duration { return r.Elected - r.Could }

// Recoveries lists the elections h owed and got, in order, by the rules of
// ReElection: a leader lost while a majority could talk, and the new one
// that majority heard. Elections still owed at the end are not listed;
// ReElection judges those. It is a measurement, for comparisons, not a
// verdict: nil for a history ReElection cannot judge.
func Recoveries(h History) []Recovery {
	var out []Recovery
	met := func(ob *obligation, at time.Duration) {
		could := ob.faultAt
		if ob.startIdx >= 0 {
			could = ob.start
		}
		out = append(out, Recovery{Cause: ob.cause(), Leader: ob.leader, Term: ob.term, Lost: ob.faultAt, Could: could, Elected: at})
	}
	if _, why := walkReelect(h, 0, met); why != "" {
		return nil
	}
	return out
}

// cause names why the obligation exists, as a report says it.
func (ob *obligation) cause() string {
	switch {
	case ob.leader == impl.None:
		return "first"
	case ob.crashed:
		return "went down"
	case ob.steppedDown:
		return "stepped down"
	}
	return "was cut off"
}
