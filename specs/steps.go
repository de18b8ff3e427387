package specs

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
)

// Steps that fail the spec on error.

// must fails the step with err's own words: a Gomega matcher would dump
// the error's struct around them.
func (r *run) must(err error) {
	if err != nil {
		panic(stepFailure{err.Error()})
	}
}

func (r *run) leader() (int, uint64) {
	GinkgoHelper()
	leader, term, err := r.CheckOneLeader()
	r.must(err)
	return leader, term
}

func (r *run) converged() (int, uint64) {
	GinkgoHelper()
	leader, term, err := r.CheckConverged()
	r.must(err)
	return leader, term
}

func (r *run) noLeader() {
	GinkgoHelper()
	r.must(r.CheckNoLeader())
}

func (r *run) terms() uint64 {
	GinkgoHelper()
	term, err := r.CheckTerms()
	r.must(err)
	return term
}

func (r *run) disconnect(nodes ...int) {
	GinkgoHelper()
	r.must(r.Disconnect(nodes...))
}

func (r *run) connect(nodes ...int) {
	GinkgoHelper()
	r.must(r.Connect(nodes...))
}

func (r *run) sleep(ms int) { r.RunFor(time.Duration(ms) * time.Millisecond) }

// term is node n's current term.
func (r *run) term(n int) uint64 {
	GinkgoHelper()
	st, err := r.Status(n)
	r.must(err)
	return st.Term
}
