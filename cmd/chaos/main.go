// Command chaos runs leader-election implementations under a nemesis and
// holds every run to ballot's invariants. See the README for each command.
package main

import (
	"os"

	"github.com/ballot-go/ballot/cmd/chaos/cli"
)

func main() { os.Exit(cli.Main()) }
