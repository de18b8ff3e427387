package etcdraft

import (
	"testing"
	"testing/cryptotest"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/specs/harness"
)

// nemesisDigest runs a 5-node cluster of the plain variant through a
// minute of random faults from ballot's seed 3 and returns the digest of
// what was recorded. The library's election jitter comes from crypto/rand.
func nemesisDigest(t *testing.T) string {
	t.Helper()
	v := harness.RunNemesis(DefaultConfig().Target("etcd-raft"), harness.Config{Nodes: 5, Seed: 3}, harness.Nemesis{})
	if v.Err != nil {
		t.Fatal(v.Err)
	}
	return checker.Digest(v.History)
}

// TestReplayNeedsCryptoSeed shows why the targets declare OwnRandomness:
// the same ballot seed twice records two different histories.
func TestReplayNeedsCryptoSeed(t *testing.T) {
	if a, b := nemesisDigest(t), nemesisDigest(t); a == b {
		t.Errorf("two runs from one seed recorded the same history (%s): does the library still draw from crypto/rand?", a)
	}
}

// TestReplayWithCryptotest shows that testing/cryptotest.SetGlobalRandom,
// which replaces crypto/rand.Reader for the whole process during one
// non-parallel test, makes a serial run replay exactly: the simulator
// calls the members in a fixed order, so they draw the same bytes in the
// same order. Reseeding before each run is what makes it work; a second
// run on the same stream, or another crypto seed, records another history.
func TestReplayWithCryptotest(t *testing.T) {
	cryptotest.SetGlobalRandom(t, 3)
	first := nemesisDigest(t)
	continued := nemesisDigest(t)
	cryptotest.SetGlobalRandom(t, 3)
	again := nemesisDigest(t)
	cryptotest.SetGlobalRandom(t, 4)
	other := nemesisDigest(t)

	t.Logf("crypto seed 3: history digest %s", first)
	if again != first {
		t.Errorf("reseeded run recorded %s, first run %s", again, first)
	}
	if continued == first || other == first {
		t.Errorf("the history did not depend on the crypto stream (first %s, continued %s, other seed %s): the test proves nothing", first, continued, other)
	}
}
