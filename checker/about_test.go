package checker_test

import (
	"testing"

	"github.com/ballot-go/ballot/checker"
)

func TestEveryCheckerIsDescribed(t *testing.T) {
	for _, c := range checker.All() {
		if checker.About(c.Name()) == "" {
			t.Errorf("checker %s has no line in checker/about.go", c.Name())
		}
	}
	if checker.About("NoSuchChecker") != "" {
		t.Error("About describes a checker that does not exist")
	}
}
