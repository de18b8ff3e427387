package harness

import (
	"bytes"
	"runtime"
)

// inSynctestBubble reports whether the calling goroutine runs in a
// testing/synctest bubble. The runtime names the bubble in the goroutine's
// stack header ("goroutine 7 [running, synctest bubble 1]"); there is no
// other way to ask.
func inSynctestBubble() bool {
	buf := make([]byte, 128)
	buf = buf[:runtime.Stack(buf, false)]
	header, _, _ := bytes.Cut(buf, []byte("\n"))
	return bytes.Contains(header, []byte("synctest bubble"))
}
