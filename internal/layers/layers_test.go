package layers_test

import (
	"strings"
	"testing"

	"github.com/ballot-go/ballot/internal/layers"
)

func TestRepositoryKeepsItsLayers(t *testing.T) {
	pkgs, err := layers.List("../..")
	if err != nil {
		t.Fatal(err)
	}
	if len(pkgs) < 10 {
		t.Fatalf("go list found %d packages: is ../.. the module's root?", len(pkgs))
	}
	for _, v := range layers.Check(pkgs) {
		t.Error(v)
	}
}

// Each rule fires on the import it forbids, and on nothing else.
func TestForbiddenImportsAreCaught(t *testing.T) {
	const m = layers.Module
	cases := []struct {
		pkg  layers.Package
		want string // a word of the rule's reason; "" for allowed
	}{
		{layers.Package{ImportPath: m + "/impl", Imports: []string{m + "/faults"}}, "nothing of ours"},
		{layers.Package{ImportPath: m + "/impl", XTestImports: []string{m + "/impl", "testing"}}, ""},
		{layers.Package{ImportPath: m + "/faults/sim", TestImports: []string{m + "/checker"}}, "neither may know"},
		{layers.Package{ImportPath: m + "/checker/report", Imports: []string{m + "/faults/goroutines"}}, "neither may know"},
		{layers.Package{ImportPath: m + "/specs/harness", Imports: []string{m + "/faults", m + "/checker"}}, ""},
		{layers.Package{ImportPath: m + "/checker", Imports: []string{"github.com/anishathalye/porcupine"}}, "behind checker/porc"},
		{layers.Package{ImportPath: m + "/checker/porc", Imports: []string{"github.com/anishathalye/porcupine"}}, ""},
		{layers.Package{ImportPath: m + "/impl/zoo", XTestImports: []string{"github.com/onsi/ginkgo/v2"}}, "stay in specs"},
		{layers.Package{ImportPath: m + "/specs", Imports: []string{"github.com/onsi/gomega"}}, ""},
		{layers.Package{ImportPath: m + "/faults/rpcnet", Imports: []string{"github.com/hashicorp/go-hclog", "net/http"}}, ""},
		{layers.Package{ImportPath: m + "/faults/rpcnet", Imports: []string{"gopkg.in/yaml.v3"}}, "standard library"},
		{layers.Package{ImportPath: m + "/cmd/chaos", Imports: []string{"gopkg.in/yaml.v3"}}, ""},
		{layers.Package{ImportPath: m + "/cmd/chaos/cli", Imports: []string{"github.com/spf13/cobra"}}, ""},
		{layers.Package{ImportPath: m + "/specs/harness", Imports: []string{"github.com/spf13/cobra"}}, "stay in cmd/chaos"},
		{layers.Package{ImportPath: m + "/impl/zoo", TestImports: []string{"github.com/vbauerster/mpb/v8"}}, "stay in cmd/chaos"},
	}
	for _, c := range cases {
		got := layers.Check([]layers.Package{c.pkg})
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("%s: flagged an allowed import: %v", c.pkg.ImportPath, got)
		case c.want != "" && (len(got) != 1 || !strings.Contains(got[0].String(), c.want)):
			t.Errorf("%s: want one violation saying %q, got %v", c.pkg.ImportPath, c.want, got)
		}
	}
}
