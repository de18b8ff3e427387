package tcpnode

import (
	"strings"
	"testing"

	"github.com/ballot-go/ballot/impl"
)

// The line on the wire is exactly the documented one.
func TestEncodeIsTheDocumentedLine(t *testing.T) {
	got := string(encode(impl.Message{From: 0, To: 1, Term: 3, Kind: impl.KindVoteRequest, Body: "left behind"}))
	if want := `{"from":0,"to":1,"term":3,"kind":"vote-request","granted":false,"entries":0}` + "\n"; got != want {
		t.Fatalf("encode: %q, want %q", got, want)
	}
}

// Every kind survives the wire, with its envelope.
func TestDecodeReadsWhatEncodeWrites(t *testing.T) {
	for _, k := range impl.Kinds() {
		m := impl.Message{From: 2, To: 4, Term: 1 << 40, Kind: k, Granted: true, Entries: 3}
		line := encode(m)
		got, err := decode(line[:len(line)-1])
		if err != nil || got != m {
			t.Errorf("%v: decoded %v, %v", m, got, err)
		}
	}
}

// Optional fields may be left out, and unknown ones are ignored.
func TestDecodeIsLenientWhereTheFormatAllows(t *testing.T) {
	got, err := decode([]byte(`{"kind":"vote-reply","term":2,"to":0,"from":1,"granted":true,"extra":[1]}`))
	want := impl.Message{From: 1, To: 0, Term: 2, Kind: impl.KindVoteReply, Granted: true}
	if err != nil || got != want {
		t.Fatalf("decode: %v, %v; want %v", got, err, want)
	}
}

// A line too long is reported once and skipped to its end; the lines
// around it, and only complete ones, come through.
func TestReadLinesSkipsLongLinesAndTails(t *testing.T) {
	input := "a\r\n\n" + strings.Repeat("x", 3*maxLine) + "\nb\nunterminated"
	var got []string
	err := readLines(strings.NewReader(input), func(line []byte, err error) {
		if err != nil {
			got = append(got, "error: "+err.Error())
			return
		}
		got = append(got, string(line))
	})
	want := []string{"a", "error: " + errLineTooLong.Error(), "b"}
	if strings.Join(got, "|") != strings.Join(want, "|") || err == nil {
		t.Fatalf("readLines: %q, %v; want %q and EOF", got, err, want)
	}
}

// A connection that sends nothing but garbage is logged up to the limit.
func TestGarbageLogIsBounded(t *testing.T) {
	var buf strings.Builder
	g := garbageLog{log: newTestLogger(&buf)}
	for range 3 * garbageLogLimit {
		g.report([]byte("junk"), errLineTooLong)
	}
	if got := strings.Count(buf.String(), "\n"); got != garbageLogLimit+1 {
		t.Fatalf("%d log lines for %d bad lines; want %d:\n%s", got, 3*garbageLogLimit, garbageLogLimit+1, buf.String())
	}
}
