package zoo_test

import (
	"os"
	"strconv"
	"testing"

	"github.com/ballot-go/ballot/impl/zoo"
	"github.com/ballot-go/ballot/specs"
)

// Environment variables that widen the suite:
//
//	BALLOT_ZOO_BUGS=1     add the broken implementations: every one must fail
//	BALLOT_MATRIX=FILE    the detection matrix: every entry and the reference,
//	                      the conformance suite plus a nemesis sweep, and the
//	                      table written to FILE
//	BALLOT_SWEEP=N        seeds per implementation in the matrix's sweep (20)
const (
	bugsEnv   = "BALLOT_ZOO_BUGS"
	matrixEnv = "BALLOT_MATRIX"
	sweepEnv  = "BALLOT_SWEEP"
)

// sweepNodes is the cluster size of the matrix's nemesis sweep.
const sweepNodes = 5

// A printed replay command sets these again, so that it finds the spec.
var _ = specs.ReplayEnv(bugsEnv, matrixEnv, sweepEnv)

// By default every sound implementation runs the whole conformance suite: a
// failure is a false alarm of ballot's, or a bug in the zoo.
var _ = func() bool {
	matrix := os.Getenv(matrixEnv) != ""
	entries := zoo.Sound()
	if matrix || os.Getenv(bugsEnv) == "1" {
		entries = append(entries, zoo.Bugs()...)
	}
	if matrix {
		entries = append(zoo.Reference(), entries...)
	}
	for _, e := range entries {
		specs.Conformance(e.Target)
		if matrix {
			specs.Sweep(e.Target, sweepNodes, sweepSeeds())
		}
	}
	if matrix {
		specs.WriteDetectionMatrix(os.Getenv(matrixEnv), expectations(entries))
	}
	return true
}()

func sweepSeeds() int {
	n, err := strconv.Atoi(os.Getenv(sweepEnv))
	if err != nil || n < 1 {
		return 20
	}
	return n
}

func expectations(entries []zoo.Entry) []specs.Expectation {
	expect := make([]specs.Expectation, len(entries))
	for i, e := range entries {
		expect[i] = specs.Expectation{Target: e.Name(), Sound: e.Sound, Catches: e.Catches}
	}
	return expect
}

func TestZoo(t *testing.T) {
	specs.RunSuite(t, "zoo")
}
