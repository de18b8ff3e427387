package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/internal/hist"
	"github.com/ballot-go/ballot/impl"
)

func ms(n int) time.Duration { return time.Duration(n) * time.Millisecond }

// fixture loads one of checker's golden histories and checks it with every
// checker, as a run would.
func fixture(t testing.TB, name string) (checker.History, []checker.Result) {
	t.Helper()
	h, err := checker.LoadHistory(filepath.Join("..", "testdata", name+".jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return h, checker.Run(h, checker.All()...)
}

func render(t testing.TB, h checker.History, results []checker.Result, opts TimelineOptions) string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteTimeline(&b, h, results, opts); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var dataBlock = regexp.MustCompile(`(?s)<script type="application/json" id="timeline-data">(.*?)</script>`)

// pageData decodes the JSON the page's script draws from.
func pageData(t testing.TB, page string) map[string]json.RawMessage {
	t.Helper()
	m := dataBlock.FindStringSubmatch(page)
	if m == nil {
		t.Fatal("page has no timeline-data block")
	}
	var d map[string]json.RawMessage
	if err := json.Unmarshal([]byte(m[1]), &d); err != nil {
		t.Fatalf("timeline-data is not JSON: %v", err)
	}
	return d
}

// field decodes d[key] into v.
func field(t testing.TB, d map[string]json.RawMessage, key string, v any) {
	t.Helper()
	if err := json.Unmarshal(d[key], v); err != nil {
		t.Fatalf("timeline-data %q: %v", key, err)
	}
}

func mustContain(t *testing.T, page string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(page, s) {
			t.Errorf("page lacks %q", s)
		}
	}
}

var laneRe = regexp.MustCompile(`<div class="lane" data-node="(\d+)">`)

func lanes(page string) []string {
	var out []string
	for _, m := range laneRe.FindAllStringSubmatch(page, -1) {
		out = append(out, m[1])
	}
	return out
}

// Two leaders in one term: a marker and its text, and the partition that
// let it happen among the faults.
func TestTimelineTwoLeaders(t *testing.T) {
	h, results := fixture(t, "election-safety/bad-two-leaders-observed")
	page := render(t, h, results, TimelineOptions{Title: "two leaders", Seed: 7, Replay: "go test ./specs -run TwoLeaders -seed 7", PorcupineView: "porcupine.html"})
	mustContain(t, page,
		`<h1>two leaders</h1>`, `<dd id="seed">7</dd>`,
		`<code id="replay">go test ./specs -run TwoLeaders -seed 7</code>`,
		`<a id="porcupine-link" href="porcupine.html">`,
		`<span class="f-checker">ElectionSafety</span>`,
		`two leaders in term 2: node 0 observed as leader at 1.51s, then node 2 observed as leader at 1.61s`,
	)
	if got := lanes(page); strings.Join(got, ",") != "0,1,2,3,4" {
		t.Errorf("lanes %v, want 0..4", got)
	}
	d := pageData(t, page)
	var fs []findingData
	field(t, d, "findings", &fs)
	safety := -1
	for i, f := range fs {
		if f.Checker == "ElectionSafety" {
			safety = i
		}
		if i > 0 && fs[i-1].At > f.At {
			t.Errorf("findings not in time order: %v after %v", f.At, fs[i-1].At)
		}
		if !(f.Lo < f.At && f.At < f.Hi) {
			t.Errorf("finding %d at %d: focus [%d, %d] does not surround it", i, f.At, f.Lo, f.Hi)
		}
	}
	if safety < 0 {
		t.Fatalf("no ElectionSafety finding among %+v", fs)
	}
	f := fs[safety]
	if f.At != int64(ms(1610)) || len(f.Nodes) != 2 || f.Nodes[0] != 0 || f.Nodes[1] != 2 {
		t.Errorf("ElectionSafety finding = %+v, want at 1.61s on nodes 0 and 2", f)
	}
	marker := regexp.MustCompile(`<div class="finding-marker" data-index="` + regexp.QuoteMeta(strconv.Itoa(safety)) + `" title="ElectionSafety: two leaders in term 2`)
	if !marker.MatchString(page) {
		t.Errorf("no marker for finding %d", safety)
	}
	if !strings.Contains(page, `<li data-index="`+strconv.Itoa(safety)+`" tabindex="0">`) {
		t.Errorf("no list item for finding %d", safety)
	}
	var faults [][]any
	field(t, d, "faults", &faults)
	var band bool
	for _, f := range faults {
		if f[3].(float64) == faultNet && f[4] == "partition" && f[0].(float64) == float64(ms(1000)) {
			band = true
		}
	}
	if !band {
		t.Errorf("no fault band for the partition at 1s in %v", faults)
	}
}

// A node that grants its vote twice in a term: the finding, and both
// grants on the wire.
func TestTimelineDoubleVote(t *testing.T) {
	h, results := fixture(t, "vote-once/bad-two-grants-on-wire")
	page := render(t, h, results, TimelineOptions{Title: "double vote"})
	mustContain(t, page, `<span class="f-checker">VoteOnce</span>`, `class="finding-marker" data-index="0"`)
	d := pageData(t, page)
	var msgs map[string][]int64
	field(t, d, "msgs", &msgs)
	grants := 0
	for i := range msgs["s"] {
		if msgs["kind"][i] == int64(impl.KindVoteReply) && msgs["flags"][i]&msgGranted != 0 && msgs["from"][i] == 2 && msgs["term"][i] == 3 {
			grants++
			if msgs["flags"][i]&(msgInFlight|msgNoSend|msgDropped) != 0 || msgs["e"][i] != msgs["s"][i]+int64(100*time.Microsecond) {
				t.Errorf("grant %d of %v: want delivered 100µs after its send", i, msgs)
			}
		}
	}
	if grants != 2 {
		t.Errorf("%d granted term-3 votes from node 2 in %v, want 2", grants, msgs)
	}
}

// Every node gets a lane, 7 as well as 3.
func TestTimelineSevenNodes(t *testing.T) {
	b := hist.New(7).Note("seven nodes, node 3 leads")
	b.At(ms(300)).Candidate(3, 1)
	for j := range 7 {
		if j != 3 {
			b.RequestVote(3, j, 1)
			b.Follower(j, 1, impl.None, 3)
			b.Vote(j, 3, 1, true)
		}
	}
	b.Leader(3, 1)
	b.At(ms(600)).Event(checker.Event{Type: checker.Log, Node: 6, Detail: "n6: heard from leader 3"})
	page := render(t, b.History(), nil, TimelineOptions{})
	if got := lanes(page); strings.Join(got, ",") != "0,1,2,3,4,5,6" {
		t.Errorf("lanes %v, want 0..6", got)
	}
	mustContain(t, page, `<h1>ballot timeline</h1>`, `No checker found anything wrong.`)
	d := pageData(t, page)
	var segs [][]int64
	field(t, d, "segs", &segs)
	seen := map[int64]bool{}
	for _, s := range segs {
		seen[s[0]] = true
	}
	if len(seen) != 7 {
		t.Errorf("role segments cover nodes %v, want all 7", seen)
	}
	var marks [][]any
	field(t, d, "marks", &marks)
	if len(marks) != 2 || marks[1][1].(float64) != 6 || marks[1][3] != "n6: heard from leader 3" {
		t.Errorf("marks = %v, want the note and node 6's log line", marks)
	}
}

// An empty history is a page that says so, not an error.
func TestTimelineEmpty(t *testing.T) {
	page := render(t, checker.History{}, nil, TimelineOptions{Title: "nothing"})
	mustContain(t, page, `This history is empty`, `<dd>0</dd>`)
	if got := lanes(page); len(got) != 0 {
		t.Errorf("lanes %v for a history of no nodes", got)
	}
	page = render(t, checker.History{Nodes: 3}, []checker.Result{{Checker: "ReElection", Outcome: checker.Unknown, Reason: "no events"}}, TimelineOptions{})
	mustContain(t, page, `This history is empty`, `<span class="r-outcome">unknown</span>`, `no events`)
	if got := lanes(page); len(got) != 3 {
		t.Errorf("lanes %v, want 3 for History.Nodes 3", got)
	}
}

// Text from the history, the results and the options is data, never markup:
// nothing in it may close the script block or add an element.
func TestTimelineEscapes(t *testing.T) {
	const evil = `</script><script>alert(1)</script><img src=x onerror=alert(2)> & "quotes" 'too' <!-- ` + "\u2028"
	b := hist.New(3).Note(evil)
	b.At(ms(100)).Event(checker.Event{Type: checker.Log, Node: 1, Detail: evil})
	b.At(ms(200)).Topology(2, evil, func(n *checker.Net) { n.Live[2] = false })
	b.At(ms(300)).Drop(impl.Message{From: 0, To: 1, Kind: impl.KindHeartbeat, Term: 1}, evil)
	results := []checker.Result{{Checker: "Evil" + evil, Outcome: checker.Violated, Measured: evil,
		Violations: []checker.Violation{{Summary: evil, At: ms(250), Nodes: []int{2}}}}}
	page := render(t, b.History(), results, TimelineOptions{Title: evil, Replay: evil, PorcupineView: "javascript:alert(3)"})

	if n := strings.Count(page, "<script"); n != 2 {
		t.Errorf("%d <script tags, want 2 (the data and the code)", n)
	}
	if n := strings.Count(page, "</script>"); n != 2 {
		t.Errorf("%d </script> tags, want 2", n)
	}
	for _, bad := range []string{"<script>alert", "<img", "javascript:alert", "<!-- "} {
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q unescaped", bad)
		}
	}
	mustContain(t, page, `&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;`)

	// The script reads back exactly what was recorded.
	d := pageData(t, page)
	var marks [][]any
	field(t, d, "marks", &marks)
	if len(marks) != 2 || marks[0][3] != evil || marks[1][3] != evil {
		t.Errorf("marks do not round-trip the text: %q", marks)
	}
	var reasons []string
	field(t, d, "reasons", &reasons)
	if len(reasons) != 1 || reasons[0] != evil {
		t.Errorf("reasons = %q", reasons)
	}
}

// Sends pair with their deliveries and drops; a second delivery is a
// duplicate, a send with neither is still in flight.
func TestTimelineMessages(t *testing.T) {
	hb := impl.Message{From: 0, To: 1, Term: 1, Kind: impl.KindHeartbeat}
	b := hist.New(2)
	b.At(ms(10)).Send(hb)
	b.At(ms(11)).Send(hb)
	b.At(ms(12)).Deliver(hb)
	b.At(ms(13)).Drop(hb, "link cut")
	b.At(ms(14)).Deliver(hb)
	b.At(ms(20)).Send(hb)
	d := buildData(b.History(), nil)
	want := []msg{
		{send: int64(ms(10)), end: int64(ms(12)), from: 0, to: 1, kind: int(impl.KindHeartbeat), term: 1},
		{send: int64(ms(11)), end: int64(ms(13)), from: 0, to: 1, kind: int(impl.KindHeartbeat), term: 1, flags: msgDropped},
		{send: int64(ms(11)), end: int64(ms(14)), from: 0, to: 1, kind: int(impl.KindHeartbeat), term: 1, flags: msgNoSend},
		{send: int64(ms(20)), end: int64(ms(20)), from: 0, to: 1, kind: int(impl.KindHeartbeat), term: 1, flags: msgInFlight},
	}
	if len(d.Msgs) != len(want) {
		t.Fatalf("msgs = %+v, want %+v", d.Msgs, want)
	}
	for i := range want {
		if d.Msgs[i] != want[i] {
			t.Errorf("msg %d = %+v, want %+v", i, d.Msgs[i], want[i])
		}
	}
	if len(d.Reasons) != 1 || d.Reasons[0] != "link cut" {
		t.Errorf("reasons = %q", d.Reasons)
	}
}

// Faults become periods per node and kind, and a cluster band per change.
func TestTimelineFaults(t *testing.T) {
	b := hist.New(3)
	b.At(ms(100)).Isolate(2)
	b.At(ms(200)).Crash(0)
	b.At(ms(300)).Heal()
	b.At(ms(400)).Note("done")
	d := buildData(b.History(), nil)
	type key struct {
		node, kind int
		start, end time.Duration
	}
	got := map[key]string{}
	for _, f := range d.Faults {
		got[key{f.node, f.kind, time.Duration(f.start), time.Duration(f.end)}] = f.desc
	}
	want := map[key]string{
		{-1, faultNet, ms(100), ms(200)}: "isolate node",
		{-1, faultNet, ms(200), ms(300)}: "crash node",
		{2, faultCut, ms(100), ms(300)}:  "n2 isolated: every link cut both ways",
		{0, faultCut, ms(100), ms(300)}:  "links between n0 and n2 cut both ways",
		{1, faultCut, ms(100), ms(300)}:  "links between n1 and n2 cut both ways",
		{0, faultDown, ms(200), ms(300)}: "n0 down",
	}
	for k, desc := range want {
		if got[k] != desc {
			t.Errorf("fault %+v = %q, want %q", k, got[k], desc)
		}
	}
	if len(got) != len(want) {
		t.Errorf("faults = %v, want %v", got, want)
	}
	if len(d.Topo) != 3 || d.Topo[2].summary != "network healthy" {
		t.Errorf("topology flags = %+v", d.Topo)
	}
}

// Node ids from the history are not trusted: wild ones neither panic nor
// add a million lanes.
func TestTimelineWildNodeIDs(t *testing.T) {
	h := checker.History{Nodes: 2, Events: []checker.Event{
		{At: ms(1), Type: checker.Observe, Node: 1 << 40, Status: impl.Status{Role: impl.Leader, Term: 1}},
		{At: ms(2), Type: checker.Log, Node: -7, Detail: "who am I"},
		{At: ms(3), Type: checker.Send, Node: 0, Msg: impl.Message{From: 0, To: 1 << 30, Kind: impl.KindHeartbeat}},
		{At: ms(4), Type: checker.Observe, Node: 3, Status: impl.Status{Role: impl.Follower, Term: 1}},
	}}
	page := render(t, h, []checker.Result{{Checker: "X", Outcome: checker.Violated,
		Violations: []checker.Violation{{Summary: "x", At: ms(2), Nodes: []int{-1, 1 << 50}}}}}, TimelineOptions{})
	if got := lanes(page); len(got) != 4 {
		t.Errorf("lanes %v, want 4 (History.Nodes 2 widened to node 3)", got)
	}
}

// The script and the stylesheet are inlined as they are: they must not
// close their own element.
func TestTimelineAssets(t *testing.T) {
	if strings.Contains(strings.ToLower(pageJS), "</script") {
		t.Error("timeline.js contains </script")
	}
	if strings.Contains(strings.ToLower(pageCSS), "</style") {
		t.Error("timeline.css contains </style")
	}
	for _, external := range []string{"http://", "https://", "//cdn", "@import"} {
		if strings.Contains(pageJS+pageCSS+pageHTML, external) {
			t.Errorf("the page refers to %q: it must be self-contained", external)
		}
	}
}
