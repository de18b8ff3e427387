package checker

import (
	"fmt"
	"strings"
	"time"
)

// Outcome is a checker's verdict. Unknown means the checker could not decide:
// the history lacks what it needs (no wire record, say) or a budget ran out.
type Outcome uint8

const (
	Ok Outcome = iota
	Violated
	Unknown
)

var outcomeNames = [...]string{Ok: "ok", Violated: "violated", Unknown: "unknown"}

func (o Outcome) String() string {
	if int(o) < len(outcomeNames) {
		return outcomeNames[o]
	}
	return fmt.Sprintf("outcome(%d)", uint8(o))
}

// MarshalText lets outcomes appear by name in JSON.
func (o Outcome) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText parses an outcome by name, so that saved results load back.
func (o *Outcome) UnmarshalText(b []byte) error {
	for i, name := range outcomeNames {
		if name == string(b) {
			*o = Outcome(i)
			return nil
		}
	}
	return fmt.Errorf("checker: unknown outcome %q", b)
}

// Violation is one finding, with the evidence a person needs to believe it.
type Violation struct {
	// Summary explains the finding in plain language.
	Summary string        `json:"summary"`
	At      time.Duration `json:"at"`
	Nodes   []int         `json:"nodes,omitempty"`
	Terms   []uint64      `json:"terms,omitempty"`
	// Window holds the events around the finding, in time order.
	Window []Event `json:"window,omitempty"`
}

// Result is what one checker says about one history.
type Result struct {
	Checker    string      `json:"checker"`
	Outcome    Outcome     `json:"outcome"`
	Violations []Violation `json:"violations,omitempty"`
	// Reason explains an Unknown outcome.
	Reason string `json:"reason,omitempty"`
	// Measured is what the checker measured, for the report, whatever the
	// outcome (the busiest heartbeat rate per link, say).
	Measured string `json:"measured,omitempty"`
	// Suppressed counts the findings left out of Violations once it held
	// MaxViolations: a badly broken run would otherwise bury the first,
	// most telling findings under thousands of repeats.
	Suppressed int `json:"suppressed,omitempty"`
}

func (r Result) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %s", r.Checker, r.Outcome)
	if r.Reason != "" {
		fmt.Fprintf(&b, " (%s)", r.Reason)
	}
	if r.Measured != "" {
		fmt.Fprintf(&b, "; measured: %s", r.Measured)
	}
	for _, v := range r.Violations {
		fmt.Fprintf(&b, "\n  at %v: %s", v.At, v.Summary)
	}
	if r.Suppressed > 0 {
		fmt.Fprintf(&b, "\n  (%d more not shown)", r.Suppressed)
	}
	return b.String()
}

// Checker is a pure function from a history to a verdict.
type Checker interface {
	Name() string
	Check(h History) Result
}
