package etcdraft

import (
	"fmt"

	"github.com/hashicorp/go-hclog"
	"go.etcd.io/raft/v3"
)

// logger gives the library the node's hclog.Logger. Without one the
// library logs to the process's stderr (raft.getLogger), every node into
// one stream. Each level is checked before formatting, because the library
// logs at Info on every election and the framework usually discards it.
type logger struct{ l hclog.Logger }

var _ raft.Logger = logger{}

func (g logger) Debug(v ...any) {
	if g.l.IsDebug() {
		g.l.Debug(fmt.Sprint(v...))
	}
}

func (g logger) Debugf(format string, v ...any) {
	if g.l.IsDebug() {
		g.l.Debug(fmt.Sprintf(format, v...))
	}
}

func (g logger) Info(v ...any) {
	if g.l.IsInfo() {
		g.l.Info(fmt.Sprint(v...))
	}
}

func (g logger) Infof(format string, v ...any) {
	if g.l.IsInfo() {
		g.l.Info(fmt.Sprintf(format, v...))
	}
}

func (g logger) Warning(v ...any) {
	if g.l.IsWarn() {
		g.l.Warn(fmt.Sprint(v...))
	}
}

func (g logger) Warningf(format string, v ...any) {
	if g.l.IsWarn() {
		g.l.Warn(fmt.Sprintf(format, v...))
	}
}

func (g logger) Error(v ...any) { g.l.Error(fmt.Sprint(v...)) }

func (g logger) Errorf(format string, v ...any) { g.l.Error(fmt.Sprintf(format, v...)) }

// Fatal panics rather than exiting as the library's default logger does:
// the simulator turns a member's panic into a crash of that node with the
// evidence, where an exit would end the whole run unexplained.
func (g logger) Fatal(v ...any) { g.Panic(v...) }

func (g logger) Fatalf(format string, v ...any) { g.Panicf(format, v...) }

// Panic must not return: the library calls it on states it cannot go on from.
func (g logger) Panic(v ...any) {
	s := fmt.Sprint(v...)
	g.l.Error(s)
	panic(s)
}

func (g logger) Panicf(format string, v ...any) {
	s := fmt.Sprintf(format, v...)
	g.l.Error(s)
	panic(s)
}
