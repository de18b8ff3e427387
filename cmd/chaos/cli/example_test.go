package cli_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/ballot-go/ballot/cmd/chaos/cli"
	"github.com/ballot-go/ballot/impl/raft"
	"github.com/ballot-go/ballot/specs/harness"
)

// Your own implementation comes first in the catalog, and is the default
// --impl. Main does the same with the process's arguments.
func TestExampleExecuteWithYourTarget(t *testing.T) {
	factory, err := raft.DefaultConfig().Factory()
	if err != nil {
		t.Fatal(err)
	}
	mine := harness.Target{Name: "mine", Machine: factory}
	t.Setenv("BALLOT_RUNS", t.TempDir())
	var stdout, stderr bytes.Buffer
	code := cli.Execute(context.Background(), t, []string{"run", "--nodes", "3", "--time", "10s"}, &stdout, &stderr, mine)
	first := strings.SplitN(stdout.String(), "\n", 2)[0]
	fmt.Println(code, first)
	if code != 0 || first != "chaos run: mine on 3 nodes, seed 1: 10s of faults (17 faults, one every ~4s), then 10s to settle" {
		t.Fatalf("exit %d: %s%s", code, stdout.String(), stderr.String())
	}
}
