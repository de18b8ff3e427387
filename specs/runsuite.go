package specs

import (
	"errors"
	"testing"

	"github.com/ballot-go/ballot/specs/harness"
	"github.com/onsi/ginkgo/v2"
	"github.com/onsi/gomega"
)

// suiteT is the *testing.T of the test that runs the suite. Goroutine
// targets need it: testing/synctest bubbles hang off a real *testing.T.
// suiteDescription names the suite's run directory.
var (
	suiteT           *testing.T
	suiteDescription string
)

// RunSuite runs the suite, as Ginkgo's RunSpecs does, and keeps t so that
// goroutine targets can run in virtual time. It registers Ginkgo's Fail as
// Gomega's fail handler, so a suite file needs no Ginkgo import. Use it in
// place of RunSpecs:
//
//	func TestConformance(t *testing.T) {
//		specs.RunSuite(t, "mine")
//	}
func RunSuite(t *testing.T, description string, args ...any) bool {
	suiteT, suiteDescription = t, description
	gomega.RegisterFailHandler(ginkgo.Fail)
	return ginkgo.RunSpecs(t, description, args...)
}

// errNoSuiteT says how to give a goroutine target its bubble.
var errNoSuiteT = errors.New("goroutine targets run in virtual time, in a testing/synctest bubble, which needs the suite's *testing.T: " +
	"call specs.RunSuite(t, ...) in your TestXxx instead of Ginkgo's RunSpecs, or set Target.Realtime")

// inBubble runs body in a synctest bubble, watched from outside. It returns
// the watchdog's verdict: a frozen clock, a deadlock or a run that never
// ends, with the stuck goroutines' stacks. The rest of the suite carries on.
func inBubble(body func(), w harness.Watch) error {
	if suiteT == nil {
		return errNoSuiteT
	}
	return harness.RunInBubble(suiteT, func() {
		defer ginkgo.GinkgoRecover()
		body()
	}, w)
}

// bounded runs body with a wall-clock limit and returns the verdict: a
// Machine whose Tick never returns, or a real-time node that hangs, fails
// the spec with its stacks instead of hanging the suite.
func bounded(body func(), w harness.Watch) error {
	return harness.RunWithin(func() {
		defer ginkgo.GinkgoRecover()
		body()
	}, w)
}
