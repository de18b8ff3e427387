package cli

import (
	"context"
	"io"
	"os"
	"runtime/debug"
	"testing"

	"github.com/ballot-go/ballot/specs/harness"
	"github.com/spf13/cobra"
)

// Main runs the chaos command line and returns its exit code: 0 when every
// run was clean, 1 when one found something, 2 for a mistake on the
// command line (nothing ran). Your targets come first in the catalog, and
// the first is the default --impl:
//
//	func main() { os.Exit(cli.Main(harness.Target{Name: "mine", Node: labrpc.Node(raft.Make)})) }
func Main(targets ...harness.Target) int {
	args := os.Args[1:]
	program = os.Args[0]
	if os.Getenv("GOGC") == "" {
		// A sweep builds a history per run and drops it once judged: with
		// fewer collections it runs about 1.5x faster (BENCHMARKS.md).
		debug.SetGCPercent(400)
	}
	return underTesting(func(t *testing.T) int {
		ctx, stop := interruptible(context.Background(), os.Stderr)
		defer stop()
		return Execute(ctx, t, args, os.Stdout, os.Stderr, targets...)
	})
}

// Execute runs one command line with its output to stdout and stderr and
// returns the exit code. t is the running test that goroutine nodes'
// bubbles hang off (Main provides one); ctx ends the runs early, as Ctrl-C
// does.
func Execute(ctx context.Context, t *testing.T, args []string, stdout, stderr io.Writer, targets ...harness.Target) int {
	env := &env{ctx: ctx, t: t, stdout: stdout, stderr: stderr, catalog: newCatalog(targets)}
	root := env.rootCommand()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err != nil && !errorsIsFinding(err) {
		env.printf(stderr, "chaos: %v\n", err)
	}
	return exitCode(err)
}

// env is what every command shares.
type env struct {
	ctx            context.Context
	t              *testing.T
	stdout, stderr io.Writer
	catalog        catalog
}

func (e *env) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "chaos",
		Short: "Run leader elections under faults and hold them to ballot's invariants",
		Long: `chaos runs a leader-election implementation in a cluster under a random
nemesis (partitions, drops, delays, duplicates, crashes, pauses, clock skew),
records every status change and message, and checks the whole history
against ballot's invariants. Every finding comes with its evidence, its seed,
and the command that replays it.`,
		Example: `  chaos run                                   # 5 reference nodes, 60 s of every fault
  chaos run --impl bug-majority-off-by-one --seeds 200
  chaos list`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usagef("%v (chaos help lists the flags)", err) })
	root.AddCommand(e.runCommand(), e.listCommand(), e.checkCommand(), e.replayCommand(), e.mergeCommand(), e.shrinkCommand(), e.nodeCommand(), e.compareCommand())
	return root
}
