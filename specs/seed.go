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

// replayEnv lists the environment variables a suite reads to decide what it
// registers; replay commands repeat the ones that are set.
var replayEnv []string

// ReplayEnv names environment variables that the calling suite reads to
// decide which specs exist (the zoo's BALLOT_ZOO_BUGS, say). Replay
// commands then set them as they were set for the failing run, so that the
// command finds the spec. Call it at package level, before RunSuite.
func ReplayEnv(names ...string) bool {
	replayEnv = append(replayEnv, names...)
	return true
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
	env := fmt.Sprintf("%s=%d", SeedEnv, seed)
	for _, name := range replayEnv {
		if v, ok := os.LookupEnv(name); ok {
			env += fmt.Sprintf(" %s=%s", name, shellQuote(v))
		}
	}
	return []string{
		fmt.Sprintf("%s go tool ginkgo --focus=%s %s", env, focus, shellQuote(dir)),
		fmt.Sprintf("cd %s && %s go test -run %s -ginkgo.focus=%s", shellQuote(dir), env, shellQuote(test), focus),
	}
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
