package hist

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/ballot-go/ballot/checker"
)

// Write encodes h as the JSON of checker.History, with one event per line.
func Write(w io.Writer, h checker.History) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "{\"nodes\": %d, \"seed\": %d, \"events\": [", h.Nodes, h.Seed)
	for i, e := range h.Events {
		line, err := json.Marshal(e)
		if err != nil {
			return err
		}
		sep := ","
		if i == 0 {
			sep = ""
		}
		fmt.Fprintf(bw, "%s\n  %s", sep, line)
	}
	fmt.Fprint(bw, "\n]}\n")
	return bw.Flush()
}

// Read decodes a history written by Write or by json.Marshal.
func Read(r io.Reader) (checker.History, error) {
	var h checker.History
	err := json.NewDecoder(r).Decode(&h)
	return h, err
}

// Load reads the history in file path.
func Load(path string) (checker.History, error) {
	f, err := os.Open(path)
	if err != nil {
		return checker.History{}, err
	}
	defer f.Close()
	h, err := Read(f)
	if err != nil {
		return h, fmt.Errorf("%s: %w", path, err)
	}
	return h, nil
}

// Save writes h to file path.
func Save(path string, h checker.History) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := Write(f, h); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
