package tcpnode_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/ballot-go/ballot/impl/tcpnode"
)

// getRaw is the status and body of one request.
func getRaw(t *testing.T, method, url string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, string(body)
}

// /state is exactly the documented object: a fresh follower knows no
// leader and has no vote, both -1.
func TestStateOfAFreshFollower(t *testing.T) {
	cfg := tcpnode.Config{ID: 2, Listen: freeAddr(t), State: freeAddr(t), Peers: map[int]string{0: freeAddr(t), 1: freeAddr(t)}, DataDir: t.TempDir(), Machine: patient(t)}
	start(t, cfg)
	code, header, body := getRaw(t, http.MethodGet, "http://"+cfg.State+"/state")
	if want := `{"id":2,"term":0,"role":"follower","leader":-1,"vote":-1}` + "\n"; code != http.StatusOK || body != want {
		t.Fatalf("GET /state: %d %q; want 200 %q", code, body, want)
	}
	if ct := header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q, want application/json", ct)
	}
}

// A node alone is a cluster of one: it elects itself in term 1, and says
// so in the documented shape.
func TestStateOfALoneLeader(t *testing.T) {
	cfg := tcpnode.Config{ID: 0, Listen: freeAddr(t), State: freeAddr(t), DataDir: t.TempDir()}
	start(t, cfg)
	url := "http://" + cfg.State + "/state"
	want := `{"id":0,"term":1,"role":"leader","leader":0,"vote":0}` + "\n"
	await(t, "the lone node leads term 1", func() (bool, string) {
		_, _, body := getRaw(t, http.MethodGet, url)
		return body == want, body
	})
}

// Only GET /state is served.
func TestStateRefusesOtherRequests(t *testing.T) {
	cfg := tcpnode.Config{ID: 0, Listen: freeAddr(t), State: freeAddr(t), DataDir: t.TempDir(), Machine: patient(t)}
	start(t, cfg)
	for _, c := range []struct {
		method, path string
		want         int
	}{
		{http.MethodPost, "/state", http.StatusMethodNotAllowed},
		{http.MethodGet, "/", http.StatusNotFound},
		{http.MethodGet, "/state/x", http.StatusNotFound},
		{http.MethodHead, "/state", http.StatusOK},
	} {
		code, _, body := getRaw(t, c.method, "http://"+cfg.State+c.path)
		if code != c.want {
			t.Errorf("%s %s: %d %s; want %d", c.method, c.path, code, strings.TrimSpace(body), c.want)
		}
	}
}
