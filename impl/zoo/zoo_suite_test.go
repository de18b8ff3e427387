package zoo_test

import (
	"os"
	"testing"

	"github.com/ballot-go/ballot/impl/zoo"
	"github.com/ballot-go/ballot/specs"
	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// BugsEnv, set to 1, adds the broken implementations to the suite: every
// one of them must fail it.
const bugsEnv = "BALLOT_ZOO_BUGS"

// Every sound implementation runs the whole conformance suite: a failure
// here is a false alarm of ballot's, or a bug in the zoo.
var _ = func() bool {
	entries := zoo.Sound()
	if os.Getenv(bugsEnv) == "1" {
		entries = append(entries, zoo.Bugs()...)
	}
	for _, e := range entries {
		specs.Conformance(e.Target)
	}
	return true
}()

func TestZoo(t *testing.T) {
	RegisterFailHandler(Fail)
	specs.RunSuite(t, "zoo")
}
