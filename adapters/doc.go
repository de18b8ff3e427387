// Package adapters holds ballot's adapters for production Raft libraries,
// in a module of its own so that ballot's core module does not depend on
// them: etcdraft runs go.etcd.io/raft/v3 as a deterministic Machine, and
// hashiraft runs github.com/hashicorp/raft as goroutine Nodes in virtual
// time. Each runs ballot's whole conformance suite from its own suite file.
package adapters
