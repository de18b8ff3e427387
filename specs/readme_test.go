package specs_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The README's Go code compiles: every ```go block carries a marker naming
// the file it becomes in a small user module (example.com/mine, with a stub
// election), which is then vetted against this checkout of ballot.
func TestReadmeCodeCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module of its own: skipped with -short")
	}
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	files := readmeFiles(t, string(readme))
	dir := t.TempDir()
	for name, body := range files {
		write(t, filepath.Join(dir, name), body)
	}
	write(t, filepath.Join(dir, "stub.go"), stubElection)
	write(t, filepath.Join(dir, "raft", "stub.go"), stubLab)
	write(t, filepath.Join(dir, "go.mod"), userModule(t, root))
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "go.sum"), string(sum))

	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	vet := exec.CommandContext(ctx, "go", "vet", "./...")
	vet.Dir = dir
	vet.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
	if out, err := vet.CombinedOutput(); err != nil {
		t.Fatalf("the README's code does not build: %v\n%s", err, out)
	}
}

var (
	marker = regexp.MustCompile("(?m)^<!-- compiled: (\\S+) -->\\n```go\\n")
	block  = regexp.MustCompile("(?m)^```go\\n")
)

// readmeFiles maps each marked block's file name to its code, and fails on
// a Go block with no marker.
func readmeFiles(t *testing.T, readme string) map[string]string {
	files := map[string]string{}
	for _, m := range marker.FindAllStringSubmatchIndex(readme, -1) {
		name := readme[m[2]:m[3]]
		end := strings.Index(readme[m[1]:], "\n```")
		if end < 0 {
			t.Fatalf("the block for %s never ends", name)
		}
		files[filepath.FromSlash(name)] = readme[m[1] : m[1]+end+1]
	}
	if blocks := len(block.FindAllStringIndex(readme, -1)); blocks != len(files) {
		t.Fatalf("the README has %d Go blocks but %d carry a <!-- compiled: FILE --> marker: mark every one", blocks, len(files))
	}
	return files
}

// userModule requires ballot, from this checkout, and what ballot requires.
func userModule(t *testing.T, root string) string {
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	requires := regexp.MustCompile(`(?s)require \((.*?)\)`).FindAllStringSubmatch(string(mod), -1)
	var b strings.Builder
	b.WriteString("module example.com/mine\n\ngo 1.26\n\nrequire github.com/ballot-go/ballot v0.0.0\n\n")
	for _, r := range requires {
		b.WriteString("require (" + r[1] + ")\n\n")
	}
	b.WriteString("replace github.com/ballot-go/ballot => " + root + "\n")
	return b.String()
}

func write(t *testing.T, path, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The stubs stand for the user's own election.
const (
	stubElection = `package mine

import "github.com/ballot-go/ballot/impl"

func New(cfg impl.MachineConfig) (impl.Machine, error) { return nil, nil }
`
	stubLab = `package raft

import "github.com/ballot-go/ballot/impl/labrpc"

type Raft struct{}

func (rf *Raft) GetState() (int, bool) { return 0, false }
func (rf *Raft) Kill()                 {}

func Make(peers []*labrpc.ClientEnd, me int, persister *labrpc.Persister, applyCh chan labrpc.ApplyMsg) *Raft {
	return &Raft{}
}
`
)
