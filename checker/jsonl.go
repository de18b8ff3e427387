package checker

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// HistoryFormat tags the first line of a saved history.
const HistoryFormat = "ballot-history/1"

// historyHeader is the first line of a saved history. Events is set only
// in a history saved as one JSON document (the older form ReadHistory
// still accepts).
type historyHeader struct {
	Format string  `json:"format"`
	Nodes  int     `json:"nodes"`
	Seed   uint64  `json:"seed"`
	Events []Event `json:"events,omitempty"`
}

// WriteHistory writes h as JSON Lines: a header line with the format, the
// node count and the seed, then one event per line. Other tools can read
// it line by line, and a cut-off file loses only its last events.
func WriteHistory(w io.Writer, h History) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	if err := enc.Encode(historyHeader{Format: HistoryFormat, Nodes: h.Nodes, Seed: h.Seed}); err != nil {
		return err
	}
	for i := range h.Events {
		if err := enc.Encode(&h.Events[i]); err != nil {
			return fmt.Errorf("checker: event %d: %w", i, err)
		}
	}
	return bw.Flush()
}

// ReadHistory reads a history written by WriteHistory, or one saved as a
// single JSON document of History.
func ReadHistory(r io.Reader) (History, error) {
	dec := json.NewDecoder(bufio.NewReader(r))
	var head historyHeader
	if err := dec.Decode(&head); err != nil {
		return History{}, fmt.Errorf("checker: reading the history's first line: %w", err)
	}
	if head.Format != "" && head.Format != HistoryFormat {
		return History{}, fmt.Errorf("checker: history format %q is not %q: written by another version of ballot?", head.Format, HistoryFormat)
	}
	h := History{Nodes: head.Nodes, Seed: head.Seed, Events: head.Events}
	for line := 2; ; line++ {
		var e Event
		err := dec.Decode(&e)
		if errors.Is(err, io.EOF) {
			return h, nil
		}
		if err != nil {
			return h, fmt.Errorf("checker: history event %d: %w", line-1, err)
		}
		h.Events = append(h.Events, e)
	}
}

// SaveHistory writes h to path with WriteHistory, compressed with gzip
// when path ends in ".gz".
func SaveHistory(path string, h History) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	if !strings.HasSuffix(path, ".gz") {
		return WriteHistory(f, h)
	}
	zw := gzip.NewWriter(f)
	if err := WriteHistory(zw, h); err != nil {
		return err
	}
	return zw.Close()
}

// LoadHistory reads the history saved at path, gzip-compressed or not.
func LoadHistory(path string) (History, error) {
	f, err := os.Open(path)
	if err != nil {
		return History{}, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return History{}, fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	h, err := ReadHistory(r)
	if err != nil {
		return h, fmt.Errorf("%s: %w", path, err)
	}
	return h, nil
}
