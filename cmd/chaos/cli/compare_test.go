package cli_test

import (
	"regexp"
	"strings"
	"testing"
)

// chaos compare prints one row per implementation; a Machine's row is the
// same every time, and a bug's findings are named in its row.
func TestCompareMakesAReproducibleCard(t *testing.T) {
	args := []string{"compare", "--impl", "reference,bug-majority-off-by-one,reference-as-goroutines", "--nodes", "3",
		"--seeds", "4", "--quiet", "1m", "--repeat", "2", "--workers", "2"}
	code, first, stderr := chaos(t, args...)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, first, stderr)
	}
	for _, want := range []string{
		"| reference | yes | 4 of 4 | none |",
		"| bug-majority-off-by-one | yes |",
		"LeaderHasQuorum",
		"| reference-as-goroutines | no (2 measurements) |",
	} {
		if !strings.Contains(first, want) {
			t.Errorf("the card lacks %q:\n%s", want, first)
		}
	}
	_, second, _ := chaos(t, args...)
	if a, b := row(first, "reference"), row(second, "reference"); a == "" || a != b {
		t.Errorf("the reference's row changed between two runs:\n%s\n%s", a, b)
	}
}

func TestCompareRefusesBadInput(t *testing.T) {
	for _, args := range [][]string{
		{"compare", "--seeds", "0"},
		{"compare", "--impl", "nonesuch"},
		{"compare", "--quiet", "10s"},
	} {
		if code, _, stderr := chaos(t, args...); code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 saying why", args, code, stderr)
		}
	}
}

// row is the table row of impl in card.
func row(card, impl string) string {
	return regexp.MustCompile(`(?m)^\| ` + regexp.QuoteMeta(impl) + ` \|.*$`).FindString(card)
}
