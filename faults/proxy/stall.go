package proxy

// awaitUnstalled waits while the link stalls, and returns the state that
// let the caller go; false if stop was closed first. A Set wakes it: every
// state's changed is closed when the next replaces it.
func (l *Link) awaitUnstalled(stop <-chan struct{}) (*state, bool) {
	for {
		st := l.state.Load()
		if !st.effect.Stall {
			return st, true
		}
		select {
		case <-st.changed:
		case <-stop:
			return nil, false
		}
	}
}
