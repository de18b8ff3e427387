package specs

import (
	"fmt"
	"hash/fnv"
	"os"
	"regexp"
	"strconv"
	"strings"

	. "github.com/onsi/ginkgo/v2"
)

// SeedEnv names the environment variable that pins every spec's seed.
const SeedEnv = "BALLOT_SEED"

// specSeed is the seed of the running spec: BALLOT_SEED when it is set, else
// a mix of Ginkgo's random seed and the spec's name, so that each spec
// explores its own run and `ginkgo --seed` reproduces a whole suite run.
func specSeed() uint64 {
	if s, ok := os.LookupEnv(SeedEnv); ok {
		seed, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			Fail(fmt.Sprintf("%s=%q is not a seed: give an unsigned 64-bit integer, as printed by a failing spec", SeedEnv, s))
		}
		return seed
	}
	h := fnv.New64a()
	fmt.Fprintf(h, "%d/%s", GinkgoRandomSeed(), CurrentSpecReport().FullText())
	return h.Sum64()
}

// replayCommands are the exact commands that rerun the current spec with
// seed, from any directory: through the ginkgo tool, and through plain go
// test for users without it.
func replayCommands(seed uint64) []string {
	// Ginkgo matches --focus against "<suite description> <spec text>", so
	// the spec's own text is anchored by the space before it.
	focus := shellQuote(" " + regexp.QuoteMeta(CurrentSpecReport().FullText()) + "$")
	dir, err := os.Getwd()
	if err != nil {
		dir = "."
	}
	test := "."
	if suiteT != nil {
		test = "^" + regexp.QuoteMeta(suiteT.Name()) + "$"
	}
	return []string{
		fmt.Sprintf("%s=%d go tool ginkgo --focus=%s %s", SeedEnv, seed, focus, shellQuote(dir)),
		fmt.Sprintf("cd %s && %s=%d go test -run %s -ginkgo.focus=%s", shellQuote(dir), SeedEnv, seed, shellQuote(test), focus),
	}
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
