package rpcnet

import (
	"reflect"
	"strings"

	"github.com/ballot-go/ballot/impl"
)

// Classifier reads the envelope the checkers need from a call: the kind and
// term of a request (reply false) or of its reply (reply true), and for vote
// replies whether the vote was granted. ok false leaves the leg out of the
// wire record.
type Classifier func(method string, v any, reply bool) (kind impl.Kind, term uint64, granted bool, ok bool)

// DefaultClassifier understands the two common shapes:
//   - a call whose argument is an impl.Message (the Machine driver): the
//     envelope is the message's own, and the acknowledgement is not traced;
//   - 6.5840-style RPCs: a method named like RequestVote, PreVote or
//     AppendEntries/Heartbeat, whose args and reply carry a Term field, and
//     whose vote replies carry VoteGranted (or Granted).
//
// Any other call is recorded as kind other, with the Term field if it has one.
func DefaultClassifier(method string, v any, reply bool) (impl.Kind, uint64, bool, bool) {
	if m, ok := envelope(v); ok {
		return m.Kind, m.Term, m.Granted, !reply
	}
	if reply && emptyStruct(v) {
		return 0, 0, false, false // an acknowledgement carries nothing to check
	}
	kind := kindOf(method, reply)
	term, _ := uintField(v, "Term")
	granted, _ := boolField(v, "VoteGranted", "Granted")
	return kind, term, granted && (kind == impl.KindVoteReply || kind == impl.KindPreVoteReply), true
}

func envelope(v any) (impl.Message, bool) {
	switch m := v.(type) {
	case impl.Message:
		return m, true
	case *impl.Message:
		if m != nil {
			return *m, true
		}
	}
	return impl.Message{}, false
}

// kindOf names a 6.5840-style method's kind; PreVote is checked before
// RequestVote because pre-vote methods are often named RequestPreVote.
func kindOf(method string, reply bool) impl.Kind {
	name := method[strings.LastIndexByte(method, '.')+1:]
	pick := func(req, rep impl.Kind) impl.Kind {
		if reply {
			return rep
		}
		return req
	}
	switch {
	case strings.Contains(name, "PreVote"):
		return pick(impl.KindPreVoteRequest, impl.KindPreVoteReply)
	case strings.Contains(name, "RequestVote"), name == "Vote":
		return pick(impl.KindVoteRequest, impl.KindVoteReply)
	case strings.Contains(name, "AppendEntries"), strings.Contains(name, "Heartbeat"):
		return pick(impl.KindHeartbeat, impl.KindHeartbeatReply)
	}
	return impl.KindOther
}

func structValue(v any) (reflect.Value, bool) {
	rv := reflect.ValueOf(v)
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return rv, false
		}
		rv = rv.Elem()
	}
	return rv, rv.Kind() == reflect.Struct
}

func uintField(v any, name string) (uint64, bool) {
	rv, ok := structValue(v)
	if !ok {
		return 0, false
	}
	f := rv.FieldByName(name)
	switch {
	case !f.IsValid():
		return 0, false
	case f.CanInt():
		return uint64(max(f.Int(), 0)), true
	case f.CanUint():
		return f.Uint(), true
	}
	return 0, false
}

func boolField(v any, names ...string) (bool, bool) {
	rv, ok := structValue(v)
	if !ok {
		return false, false
	}
	for _, name := range names {
		if f := rv.FieldByName(name); f.IsValid() && f.Kind() == reflect.Bool {
			return f.Bool(), true
		}
	}
	return false, false
}

func emptyStruct(v any) bool {
	rv, ok := structValue(v)
	return ok && rv.NumField() == 0
}

// entryCount is how many log entries an AppendEntries carries: the
// envelope's own count, or the length of an Entries slice field.
func entryCount(v any) int {
	if m, ok := envelope(v); ok {
		return m.Entries
	}
	rv, ok := structValue(v)
	if !ok {
		return 0
	}
	if f := rv.FieldByName("Entries"); f.IsValid() && (f.Kind() == reflect.Slice || f.Kind() == reflect.Array) {
		return f.Len()
	}
	return 0
}
