package specs

import (
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
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

// replayCommand is the exact command that reruns the current spec with seed.
func replayCommand(seed uint64) string {
	// Ginkgo matches --focus against "<suite description> <spec text>", so
	// the spec's own text is anchored by the space before it.
	focus := " " + regexp.QuoteMeta(CurrentSpecReport().FullText()) + "$"
	return fmt.Sprintf("%s=%d go tool ginkgo --focus=%s %s", SeedEnv, seed, shellQuote(focus), packageDir())
}

func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// packageDir is the suite's directory relative to its module root, which is
// where a user types the replay command.
func packageDir() string {
	wd, err := os.Getwd()
	if err != nil {
		return "."
	}
	for dir := wd; ; dir = filepath.Dir(dir) {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			rel, err := filepath.Rel(dir, wd)
			if err != nil || rel == "." {
				return "."
			}
			return "./" + filepath.ToSlash(rel)
		}
		if filepath.Dir(dir) == dir {
			return "."
		}
	}
}
