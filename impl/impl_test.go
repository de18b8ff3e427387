package impl_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/ballot-go/ballot/impl"
)

func TestKindNamesRoundTrip(t *testing.T) {
	for _, k := range impl.Kinds() {
		got, err := impl.ParseKind(k.String())
		if err != nil || got != k {
			t.Errorf("ParseKind(%q) = %v, %v; want %v", k.String(), got, err, k)
		}
	}
}

func TestParseKindNamesTheKnownKinds(t *testing.T) {
	_, err := impl.ParseKind("heartbeats")
	if err == nil || !strings.Contains(err.Error(), "heartbeat, heartbeat-reply") {
		t.Fatalf("ParseKind(heartbeats) error = %v; want one listing the known kinds", err)
	}
}

func TestMessageJSONUsesNames(t *testing.T) {
	b, err := json.Marshal(impl.Message{From: 1, To: 2, Term: 3, Kind: impl.KindVoteReply, Granted: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"Kind":"vote-reply"`) {
		t.Fatalf("JSON %s does not name the kind", b)
	}
	var back impl.Message
	if err := json.Unmarshal(b, &back); err != nil || back.Kind != impl.KindVoteReply || !back.Granted {
		t.Fatalf("round trip gave %+v, %v", back, err)
	}
}

func TestRoleTextRoundTrip(t *testing.T) {
	for _, r := range []impl.Role{impl.Follower, impl.PreCandidate, impl.Candidate, impl.Leader, impl.Down} {
		var back impl.Role
		text, _ := r.MarshalText()
		if err := back.UnmarshalText(text); err != nil || back != r {
			t.Errorf("role %v round trip gave %v, %v", r, back, err)
		}
	}
	var r impl.Role
	if err := r.UnmarshalText([]byte("king")); err == nil {
		t.Error("UnmarshalText(king) succeeded; want an error")
	}
}

func TestMemStorageStartsWithNoVote(t *testing.T) {
	s := impl.NewMemStorage()
	if hs := s.HardState(); hs.Term != 0 || hs.VotedFor != impl.None {
		t.Fatalf("new storage holds %+v; want term 0 and no vote", hs)
	}
	s.SetHardState(impl.HardState{Term: 4, VotedFor: 2})
	if hs := s.HardState(); hs.Term != 4 || hs.VotedFor != 2 {
		t.Fatalf("storage holds %+v after saving term 4 vote 2", hs)
	}
}

func TestMemStorageBlobsAreCopies(t *testing.T) {
	s := impl.NewMemStorage()
	var blobs impl.Blobs = s
	if b := blobs.Blob("raftstate"); b != nil {
		t.Fatalf("a new storage holds %q", b)
	}
	in := []byte("term=3")
	blobs.SetBlob("raftstate", in)
	in[0] = 'X'
	out := blobs.Blob("raftstate")
	if string(out) != "term=3" {
		t.Fatalf("Blob = %q; the caller's later write leaked in", out)
	}
	out[0] = 'Y'
	if string(blobs.Blob("raftstate")) != "term=3" {
		t.Fatal("a write to a returned blob changed the stored one")
	}
}
