package specs

import (
	"testing"

	"github.com/ballot-go/ballot/specs/harness"
	"github.com/onsi/ginkgo/v2"
)

// suiteT is the *testing.T of the test that runs the suite. Goroutine
// targets need it: testing/synctest bubbles hang off a real *testing.T.
var suiteT *testing.T

// RunSuite runs the suite, as Ginkgo's RunSpecs does, and keeps t so that
// goroutine targets can run in virtual time. Use it in place of RunSpecs:
//
//	func TestConformance(t *testing.T) {
//		RegisterFailHandler(Fail)
//		specs.RunSuite(t, "mine")
//	}
func RunSuite(t *testing.T, description string, args ...any) bool {
	suiteT = t
	return ginkgo.RunSpecs(t, description, args...)
}

// inBubble runs body in a synctest bubble, watched from outside: a frozen
// clock, a deadlock or a run that never ends fails the spec with the stuck
// goroutines' stacks, and the rest of the suite carries on.
func inBubble(body func()) {
	ginkgo.GinkgoHelper()
	if suiteT == nil {
		ginkgo.Fail("goroutine targets run in virtual time, in a testing/synctest bubble, which needs the suite's *testing.T: " +
			"call specs.RunSuite(t, ...) in your TestXxx instead of Ginkgo's RunSpecs, or set Target.Realtime")
		return
	}
	err := harness.RunInBubble(suiteT, func() {
		defer ginkgo.GinkgoRecover()
		body()
	}, harness.Watch{})
	if err != nil {
		ginkgo.Fail(err.Error())
	}
}
