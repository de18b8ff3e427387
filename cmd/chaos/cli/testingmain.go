package cli

import (
	"os"
	"regexp"
	"testing"
)

// underTesting runs f with the *testing.T of a test that the testing
// package runs, and exits with f's code. A goroutine node runs in virtual
// time inside a testing/synctest bubble, and a bubble needs a running
// test's T, even in a command: testing.Main provides one, as it does for
// any tool that runs tests outside go test.
func underTesting(f func(t *testing.T) int) int {
	testing.Init()
	os.Args = []string{os.Args[0], "-test.run=^chaos$", "-test.timeout=0"}
	tests := []testing.InternalTest{{Name: "chaos", F: func(t *testing.T) { os.Exit(f(t)) }}}
	testing.Main(matchString, tests, nil, nil)
	return exitFinding // not reached: the test exits
}

func matchString(pattern, name string) (bool, error) { return regexp.MatchString(pattern, name) }
