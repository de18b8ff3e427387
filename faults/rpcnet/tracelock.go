package rpcnet

// traceLock serialises the tracer's calls. It is a channel of one slot, not
// a sync.Mutex: made inside a synctest bubble, a goroutine that waits for
// it is durably blocked, as a goroutine that waits on a channel is. Every
// message event of a busy instant goes through this lock, so with a
// sync.Mutex the bubble's goroutines often wait on the framework's own
// mutex, which the frozen-clock watchdog has to read as a possible
// deadlock; the implementation's mutexes are what it is there to watch.
type traceLock chan struct{}

func newTraceLock() traceLock { return make(traceLock, 1) }

func (l traceLock) Lock()   { l <- struct{}{} }
func (l traceLock) Unlock() { <-l }
