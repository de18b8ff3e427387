package specs

import (
	"time"

	. "github.com/onsi/ginkgo/v2"
	. "github.com/onsi/gomega"
)

// Steps that fail the spec on error.

func (r *run) leader() (int, uint64) {
	GinkgoHelper()
	leader, term, err := r.CheckOneLeader()
	r.Expect(err).NotTo(HaveOccurred())
	return leader, term
}

func (r *run) converged() (int, uint64) {
	GinkgoHelper()
	leader, term, err := r.CheckConverged()
	r.Expect(err).NotTo(HaveOccurred())
	return leader, term
}

func (r *run) noLeader() {
	GinkgoHelper()
	r.Expect(r.CheckNoLeader()).To(Succeed())
}

func (r *run) terms() uint64 {
	GinkgoHelper()
	term, err := r.CheckTerms()
	r.Expect(err).NotTo(HaveOccurred())
	return term
}

func (r *run) disconnect(nodes ...int) {
	GinkgoHelper()
	r.Expect(r.Disconnect(nodes...)).To(Succeed())
}

func (r *run) connect(nodes ...int) {
	GinkgoHelper()
	r.Expect(r.Connect(nodes...)).To(Succeed())
}

func (r *run) sleep(ms int) { r.RunFor(time.Duration(ms) * time.Millisecond) }

// term is node n's current term.
func (r *run) term(n int) uint64 {
	GinkgoHelper()
	st, err := r.Status(n)
	r.Expect(err).NotTo(HaveOccurred())
	return st.Term
}
