// Package layers holds the import rules that keep ballot's layers apart, and
// checks a module's packages against them. The rules are why the packages
// can be read, and replaced, one at a time: the interface an implementation
// writes against (impl) depends on nothing of ours; the faults that act on a
// network and the checkers that judge its history never see each other;
// porcupine stays behind one package; Ginkgo and Gomega stay in the suite.
//
// .ci/run checks the repository with TestRepositoryKeepsItsLayers, which
// reads `go list -json ./...`. A program can run the same check:
//
//	pkgs, err := layers.List(".")
//	if err != nil {
//		return err
//	}
//	for _, v := range layers.Check(pkgs) {
//		fmt.Println(v)
//	}
package layers
