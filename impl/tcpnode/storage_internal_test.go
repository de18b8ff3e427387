package tcpnode

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ballot-go/ballot/impl"
	"github.com/hashicorp/go-hclog"
)

func newTestLogger(w io.Writer) hclog.Logger {
	return hclog.New(&hclog.LoggerOptions{Output: w, Level: hclog.Debug})
}

// A fresh directory is term 0 with no vote; a flushed state is what the
// next open reads, in the documented file.
func TestStorageSurvivesReopening(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "made-by-open")
	s, err := openStorage(dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := s.HardState(); got != (impl.HardState{VotedFor: impl.None}) {
		t.Fatalf("fresh: %+v", got)
	}
	s.SetHardState(impl.HardState{Term: 3, VotedFor: 1})
	if err := s.flush(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, hardStateFile))
	if err != nil || string(b) != `{"term":3,"vote":1}`+"\n" {
		t.Fatalf("file: %q, %v", b, err)
	}
	again, err := openStorage(dir)
	if err != nil || again.HardState() != (impl.HardState{Term: 3, VotedFor: 1}) {
		t.Fatalf("reopened: %+v, %v", again.HardState(), err)
	}
}

// Nothing is written before flush, which is what Run relies on to save
// once per step.
func TestStorageWritesOnFlushOnly(t *testing.T) {
	dir := t.TempDir()
	s, err := openStorage(dir)
	if err != nil {
		t.Fatal(err)
	}
	s.SetHardState(impl.HardState{Term: 1, VotedFor: 0})
	if _, err := os.Stat(filepath.Join(dir, hardStateFile)); !os.IsNotExist(err) {
		t.Fatalf("written before flush: %v", err)
	}
}

// The temporary file of a write a crash interrupted is removed; the hard
// state it did not replace stands.
func TestStorageRemovesTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	if err := writeAtomic(dir, hardStateFile, []byte(`{"term":2,"vote":-1}`)); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(dir, hardStateFile+".12345.tmp")
	if err := os.WriteFile(stale, []byte(`{"term":9,"vote":9}`), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := openStorage(dir)
	if err != nil || s.HardState() != (impl.HardState{Term: 2, VotedFor: impl.None}) {
		t.Fatalf("open: %+v, %v", s, err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Fatalf("%s is still there: %v", stale, err)
	}
}

// A file that is not a hard state is an error, never term 0.
func TestStorageRefusesACorruptFile(t *testing.T) {
	for _, content := range []string{``, `{`, `{"term":3}`, `{"vote":1}`, `{"term":-1,"vote":1}`, `{"term":1,"vote":-2}`, `[]`} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, hardStateFile), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := openStorage(dir); err == nil || !strings.Contains(err.Error(), "is not a hard state") {
			t.Errorf("%q: %v; want it refused", content, err)
		}
	}
}
