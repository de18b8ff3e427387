package tcpnode

import (
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/ballot-go/ballot/impl"
	"github.com/hashicorp/go-hclog"
)

// stateJSON is the body of GET /state.
type stateJSON struct {
	ID     int       `json:"id"`
	Term   uint64    `json:"term"`
	Role   impl.Role `json:"role"`
	Leader int       `json:"leader"`
	Vote   int       `json:"vote"`
}

// published is the status the loop last published: the HTTP handlers read
// it without touching the Machine, which only the loop may call.
type published struct{ p atomic.Pointer[impl.Status] }

func (s *published) set(st impl.Status) { s.p.Store(&st) }
func (s *published) get() impl.Status   { return *s.p.Load() }

// stateHandler serves GET /state (and HEAD); the mux answers other methods
// with 405 and other paths with 404.
func stateHandler(status *published) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /state", func(w http.ResponseWriter, _ *http.Request) {
		st := status.get()
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		json.NewEncoder(w).Encode(stateJSON{ID: st.ID, Term: st.Term, Role: st.Role, Leader: st.Leader, Vote: st.VotedFor})
	})
	return mux
}

// stateServer serves the published status on a listener until closed.
type stateServer struct {
	srv  *http.Server
	done chan struct{}
}

// serveState serves status on ln; fail receives the error if serving stops
// before close.
func serveState(ln net.Listener, status *published, log hclog.Logger, fail func(error)) *stateServer {
	s := &stateServer{
		srv: &http.Server{
			Handler:           stateHandler(status),
			ReadHeaderTimeout: 5 * time.Second,
			ErrorLog:          log.StandardLogger(&hclog.StandardLoggerOptions{InferLevels: true}),
		},
		done: make(chan struct{}),
	}
	go func() {
		defer close(s.done)
		if err := s.srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
			fail(fmt.Errorf("tcpnode: serving /state: %w", err))
		}
	}()
	return s
}

// close stops the server and closes every connection to it, then waits for
// Serve to return.
func (s *stateServer) close() {
	s.srv.Close()
	<-s.done
}
