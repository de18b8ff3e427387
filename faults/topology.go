package faults

// Topology is what a network looks like at one moment, as its Tracer hears
// it after every change: who is up, which links are cut or lossy, how fast
// each clock runs, and whether any fault is active.
type Topology struct {
	// Live[i] is false while node i is crashed, stopped or paused.
	Live []bool
	// Cut[i][j] is true when every message from i to j is lost.
	Cut [][]bool
	// Lossy[i][j] is true when a link rule drops, delays or duplicates
	// some messages from i to j.
	Lossy [][]bool
	// Rates[i] is node i's clock rate (1 is normal); nil while every clock
	// runs at normal speed.
	Rates []float64
	// Faulty is true while any fault is active: a node down or skewed, a
	// grudge, a link rule.
	Faulty bool
}

// Why a network pushes a topology that no caller asked for. A caller (the
// harness) labels the changes it made with its own words.
const (
	WhyStart    = "start"           // the network came up
	WhyStopAll  = "stop every node" // the network is closing
	WhyPanicked = "panicked"        // a node panicked and is treated as crashed
)

// Stopped is t with every node down, as a closing network reports it.
func (t Topology) Stopped() Topology {
	t.Live, t.Faulty = make([]bool, len(t.Live)), true
	return t
}
