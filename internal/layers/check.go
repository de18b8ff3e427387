package layers

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
)

// Package is what the check reads of one package: `go list -json` output.
type Package struct {
	ImportPath   string
	Imports      []string
	TestImports  []string
	XTestImports []string
}

// A Violation is one forbidden import.
type Violation struct {
	Package, Import string
	Test            bool
	Rule            Rule
}

func (v Violation) String() string {
	kind := "imports"
	if v.Test {
		kind = "imports in its tests"
	}
	return fmt.Sprintf("%s %s %s: %s", v.Package, kind, v.Import, v.Rule.Why)
}

// Check returns every import of pkgs that a rule forbids.
func Check(pkgs []Package) []Violation {
	var found []Violation
	for _, p := range pkgs {
		for _, r := range Rules {
			if !r.From(p.ImportPath) {
				continue
			}
			found = append(found, forbidden(p.ImportPath, p.Imports, false, r)...)
			if r.Tests {
				found = append(found, forbidden(p.ImportPath, p.TestImports, true, r)...)
				found = append(found, forbidden(p.ImportPath, p.XTestImports, true, r)...)
			}
		}
	}
	return found
}

func forbidden(pkg string, imports []string, test bool, r Rule) []Violation {
	var found []Violation
	for _, imp := range imports {
		if imp != pkg && r.To(imp) {
			found = append(found, Violation{Package: pkg, Import: imp, Test: test, Rule: r})
		}
	}
	return found
}

// List runs `go list -json ./...` in dir, the module's root.
func List(dir string) ([]Package, error) {
	cmd := exec.Command("go", "list", "-json", "./...")
	cmd.Dir = dir
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("go list -json ./... in %s: %v: %s", dir, err, stderr.String())
	}
	return decode(strings.NewReader(string(out)))
}

// decode reads go list's stream of JSON objects.
func decode(r io.Reader) ([]Package, error) {
	var pkgs []Package
	dec := json.NewDecoder(r)
	for {
		var p Package
		err := dec.Decode(&p)
		if errors.Is(err, io.EOF) {
			return pkgs, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading go list's output: %w", err)
		}
		pkgs = append(pkgs, p)
	}
}
