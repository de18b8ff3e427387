package tcpnode

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// maxLine bounds a line on the wire; a message takes about 80 bytes.
const maxLine = 4096

// errLineTooLong is reported once for a line longer than maxLine, which is
// then skipped up to its newline.
var errLineTooLong = errors.New("line longer than 4096 bytes")

// readLines calls f with every complete line of r, without "\n" or "\r\n",
// until r fails or ends; empty lines are skipped. It reads in a buffer of
// maxLine bytes whatever the input, and drops an unterminated tail, which a
// writer that died mid-line leaves. line is only valid during the call.
func readLines(r io.Reader, f func(line []byte, err error)) error {
	br := bufio.NewReaderSize(r, maxLine)
	skipping := false
	for {
		line, err := br.ReadSlice('\n')
		switch {
		case errors.Is(err, bufio.ErrBufferFull):
			if !skipping {
				f(nil, errLineTooLong)
			}
			skipping = true
		case err != nil:
			return err
		case skipping:
			skipping = false // the end of the long line
		default:
			line = bytes.TrimSuffix(line[:len(line)-1], []byte("\r"))
			if len(line) > 0 {
				f(line, nil)
			}
		}
	}
}
