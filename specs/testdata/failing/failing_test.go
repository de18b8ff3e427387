package failing_test

import (
	"os"
	"testing"

	"github.com/ballot-go/ballot/specs"
	"github.com/ballot-go/ballot/specs/testdata/failing"
	. "github.com/onsi/ginkgo/v2"
)

var _ = specs.ReplayEnv(failing.KindEnv)

var _ = func() bool {
	target, err := failing.Target(os.Getenv(failing.KindEnv))
	if err != nil {
		return Describe("no broken target", func() { It("is chosen", func() { Fail(err.Error()) }) })
	}
	return specs.Conformance(target)
}()

func TestFailing(t *testing.T) {
	specs.RunSuite(t, "failing")
}
