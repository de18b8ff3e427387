package faults_test

import (
	"testing"

	"github.com/ballot-go/ballot/faults"
)

func TestEveryFaultIsDescribed(t *testing.T) {
	for _, name := range faults.Names() {
		if faults.About(name) == "" {
			t.Errorf("fault %q has no line in faults/about.go", name)
		}
	}
	if faults.About("no such fault") != "" {
		t.Error("About describes a fault that does not exist")
	}
}

func TestMessageFaultsAreRegistered(t *testing.T) {
	for _, name := range faults.MessageFaults {
		if _, err := faults.Lookup(name); err != nil {
			t.Errorf("faults.MessageFaults names %q: %v", name, err)
		}
	}
}
