// Package leakcheck makes a test binary fail when its tests leave
// goroutines running: the framework holds itself to the invariant it checks
// in others. A package opts in with
//
//	func TestMain(m *testing.M) { leakcheck.Main(m) }
package leakcheck
