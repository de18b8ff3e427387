package layers

import "strings"

// Module is the import path every rule is written against.
const Module = "github.com/ballot-go/ballot"

// A Rule forbids packages matching From to import paths matching To.
// Tests counts test imports too.
type Rule struct {
	From, To func(path string) bool
	Tests    bool
	Why      string
}

// Rules are ballot's layers.
var Rules = []Rule{
	{From: is("impl"), To: ours, Tests: true,
		Why: "impl is what an implementation writes against: it must import nothing of ours"},
	{From: under("faults"), To: under("checker"), Tests: true,
		Why: "faults act on a network and checkers judge its history: neither may know the other"},
	{From: under("checker"), To: under("faults"), Tests: true,
		Why: "faults act on a network and checkers judge its history: neither may know the other"},
	{From: not(under("checker/porc")), To: prefix("github.com/anishathalye/porcupine"), Tests: true,
		Why: "porcupine stays behind checker/porc, so that one package knows its model"},
	{From: not(under("specs")), To: ginkgoOrGomega, Tests: true,
		Why: "Ginkgo and Gomega stay in specs: a suite file calls specs.Conformance and specs.RunSuite only"},
	{From: core, To: not(stdlibOrAllowed), Tests: false,
		Why: "core packages use the standard library and hclog (porcupine in checker/porc)"},
	{From: not(under("cmd/chaos")), To: cliLibrary, Tests: true,
		Why: "the CLI's libraries (cobra, mpb, x/term, YAML) stay in cmd/chaos: the framework has no command line of its own"},
}

func cliLibrary(path string) bool {
	return prefix("github.com/spf13/cobra")(path) || prefix("github.com/vbauerster/mpb")(path) ||
		prefix("golang.org/x/term")(path) || prefix("go.yaml.in/yaml")(path)
}

func ours(path string) bool { return path == Module || strings.HasPrefix(path, Module+"/") }

// is matches one package of the module.
func is(rel string) func(string) bool {
	return func(path string) bool { return path == Module+"/"+rel }
}

// under matches a package of the module and those below it.
func under(rel string) func(string) bool {
	return func(path string) bool {
		full := Module + "/" + rel
		return path == full || strings.HasPrefix(path, full+"/")
	}
}

func prefix(p string) func(string) bool {
	return func(path string) bool { return path == p || strings.HasPrefix(path, p+"/") }
}

func not(f func(string) bool) func(string) bool {
	return func(path string) bool { return !f(path) }
}

func ginkgoOrGomega(path string) bool {
	return prefix("github.com/onsi/ginkgo")(path) || prefix("github.com/onsi/gomega")(path)
}

// core packages are the framework's own layers, not its frontends or the zoo.
func core(path string) bool {
	return (under("impl")(path) && !under("impl/zoo")(path)) || under("faults")(path) || under("checker")(path)
}

// stdlibOrAllowed is the standard library (no dot in the first element),
// the module itself, hclog and porcupine.
func stdlibOrAllowed(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".") || ours(path) ||
		path == "github.com/hashicorp/go-hclog" || prefix("github.com/anishathalye/porcupine")(path)
}
