package cli

import (
	"errors"
	"fmt"
)

// Exit codes.
const (
	exitClean   = 0 // every run was clean
	exitFinding = 1 // a run found something, or could not finish
	exitUsage   = 2 // the command line was wrong; nothing ran
)

// usagef is a mistake on the command line, found before any work. Errors
// from the flag parser and the argument checks are usage errors too: any
// error but errFinding and a workError exits with exitUsage.
func usagef(format string, args ...any) error { return fmt.Errorf(format, args...) }

// workError is a failure once work has started: a report that could not
// be written, a history that could not be read back.
type workError struct{ err error }

func (e *workError) Error() string { return e.err.Error() }
func (e *workError) Unwrap() error { return e.err }

func workErr(err error) error {
	if err == nil {
		return nil
	}
	return &workError{err}
}

// errFinding is returned by a command that ran and found something; its
// report has been printed already.
var errFinding = errors.New("a run found something")

func errorsIsFinding(err error) bool { return errors.Is(err, errFinding) }

// exitCode maps what a command returned to the process's exit code.
func exitCode(err error) int {
	var work *workError
	switch {
	case err == nil:
		return exitClean
	case errors.Is(err, errFinding), errors.As(err, &work):
		return exitFinding
	}
	return exitUsage
}
