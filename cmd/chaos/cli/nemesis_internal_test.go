package cli

import (
	"slices"
	"strings"
	"testing"

	"github.com/ballot-go/ballot/impl/zoo"
)

func TestNemesisNamesFaultsAndLeavesSomeOut(t *testing.T) {
	target := zoo.Reference()[0].Target
	all := target.Faults()
	without := func(drop ...string) []string {
		return slices.DeleteFunc(slices.Clone(all), func(n string) bool { return slices.Contains(drop, n) })
	}
	for flag, want := range map[string][]string{
		"all":                   all,
		"isolate,crash":         {"isolate", "crash"},
		"-crash":                without("crash"),
		"all,-crash,-isolate":   without("crash", "isolate"),
		"isolate,-isolate,drop": {"drop"},
		"-half-open":            all, // does not apply to a Machine, so it was not there
	} {
		got, err := parseNemesis(flag, target)
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("--nemesis %s = %v, %v; want %v", flag, got, err, want)
		}
	}
	for flag, why := range map[string]string{
		"isolate,-isolate": "leaves no fault",
		"-flood":           `unknown fault "flood"`,
		"half-open":        "half-open does not apply",
	} {
		if _, err := parseNemesis(flag, target); err == nil || !strings.Contains(err.Error(), why) {
			t.Errorf("--nemesis %s: error %v; want one saying %q", flag, err, why)
		}
	}
}
