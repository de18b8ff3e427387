package impl

import (
	"fmt"
	"strings"
)

// Kind classifies a message so that faults can target it and checkers can
// read the wire without understanding the body.
type Kind uint8

const (
	// KindOther is any message the framework need not understand.
	KindOther Kind = iota
	// KindVoteRequest is a RequestVote call (Raft §5.2).
	KindVoteRequest
	// KindVoteReply answers a RequestVote; Granted says how.
	KindVoteReply
	// KindHeartbeat is an AppendEntries call from a leader, empty or not.
	// A heartbeat from n in term t means n leads term t.
	KindHeartbeat
	// KindHeartbeatReply answers a heartbeat.
	KindHeartbeatReply
	// KindPreVoteRequest is a pre-vote request (Raft thesis §9.6).
	KindPreVoteRequest
	// KindPreVoteReply answers a pre-vote request; Granted says how.
	KindPreVoteReply
)

var kindNames = [...]string{
	KindOther:          "other",
	KindVoteRequest:    "vote-request",
	KindVoteReply:      "vote-reply",
	KindHeartbeat:      "heartbeat",
	KindHeartbeatReply: "heartbeat-reply",
	KindPreVoteRequest: "prevote-request",
	KindPreVoteReply:   "prevote-reply",
}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("kind(%d)", uint8(k))
}

// Kinds lists every kind, in order.
func Kinds() []Kind {
	ks := make([]Kind, len(kindNames))
	for i := range ks {
		ks[i] = Kind(i)
	}
	return ks
}

// ParseKind is the inverse of Kind.String.
func ParseKind(s string) (Kind, error) {
	for i, name := range kindNames {
		if name == s {
			return Kind(i), nil
		}
	}
	return 0, fmt.Errorf("impl: unknown message kind %q (known: %s)", s, strings.Join(kindNames[:], ", "))
}

// IsReply reports whether k answers another message.
func (k Kind) IsReply() bool {
	return k == KindVoteReply || k == KindHeartbeatReply || k == KindPreVoteReply
}

// MarshalText lets kinds appear by name in JSON and YAML.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText parses a kind by name.
func (k *Kind) UnmarshalText(b []byte) error {
	parsed, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = parsed
	return nil
}

// Message is the envelope the framework reads. Body is opaque to the
// framework and is never inspected; implementations put whatever they need
// there. The framework may deliver a message more than once (duplication) or
// never, so Body must not be mutated after the message leaves Ready.
type Message struct {
	From int
	To   int
	// Term is the sender's current term, except on pre-vote messages: a
	// pre-vote request carries the term its sender would campaign in, and a
	// granted pre-vote reply echoes it. Checkers that read a sender's term
	// from the wire must skip pre-vote kinds.
	Term uint64
	Kind Kind
	// Granted is meaningful for KindVoteReply and KindPreVoteReply only.
	// A granted vote is a vote for the term of the request it answers, so
	// on a granted reply Term is that request's term: a network records it
	// so even when the voter wrote its old term into the reply before
	// adopting the candidate's, as many implementations harmlessly do.
	Granted bool
	// Entries is meaningful for KindHeartbeat only: how many log entries
	// the AppendEntries carries. A heartbeat proper carries none; one that
	// replicates entries, or retries them after a rejection, is traffic a
	// heartbeat budget does not count.
	Entries int `json:",omitempty"`
	Body    any
}

func (m Message) String() string {
	s := fmt.Sprintf("%d->%d %s t%d", m.From, m.To, m.Kind, m.Term)
	if m.Kind == KindVoteReply || m.Kind == KindPreVoteReply {
		s += fmt.Sprintf(" granted=%t", m.Granted)
	}
	return s
}
