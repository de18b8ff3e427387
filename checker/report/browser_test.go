//go:build linux || darwin || freebsd

package report

import (
	"bytes"
	"context"
	"errors"
	"html"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/ballot-go/ballot/checker"
	"github.com/ballot-go/ballot/checker/internal/hist"
	"github.com/ballot-go/ballot/impl"
)

// These tests open rendered pages in headless Chromium and read the DOM it
// dumps after the page's script ran: no pixels, no Go dependency. The page
// takes its orders from the URL fragment (#test-click=i clicks finding i in
// the list and records the view before and after on <body>).

// browserTimeout bounds one Chromium run. A run takes a second or two on
// an idle machine but ten or more on a loaded CI runner.
const browserTimeout = 2 * time.Minute

const noChromium = "headless Chromium not found as chromium, chromium-browser or /usr/bin/chromium: " +
	"install Debian's chromium package: apt-get install chromium"

// chromium finds the browser, or skips the test; on CI (CI=true) a missing
// browser fails it instead, so that the test cannot silently stop running.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	if os.Getenv("CI") == "true" {
		t.Fatal(noChromium + " (CI=true: this test must not be skipped)")
	}
	t.Skip(noChromium)
	return ""
}

// dumpDOM writes page to a temporary file, loads it with fragment in
// headless Chromium and returns the DOM once the page settled.
func dumpDOM(t *testing.T, bin, page, fragment string) string {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "timeline.html")
	if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), browserTimeout)
	defer cancel()
	u := url.URL{Scheme: "file", Path: file, Fragment: fragment}
	cmd := exec.CommandContext(ctx, bin,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+filepath.Join(dir, "profile"),
		"--window-size=1400,900", "--virtual-time-budget=5000",
		"--dump-dom", u.String())
	// Chromium also writes beside its profile (crash reports, dconf
	// caches): point its home and temporary directories into dir too.
	cmd.Env = append(os.Environ(), "HOME="+dir, "TMPDIR="+dir,
		"XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "XDG_CACHE_HOME="+filepath.Join(dir, "cache"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	// Chromium forks helpers; its own process group lets a timeout end all
	// of them, and none outlives the test.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
	cmd.WaitDelay = 10 * time.Second
	err := cmd.Run()
	if cmd.Process != nil {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	}
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		t.Fatalf("chromium did not finish within %v; stderr:\n%s", browserTimeout, tail(stderr.String()))
	}
	if err != nil {
		t.Fatalf("chromium: %v; stderr:\n%s", err, tail(stderr.String()))
	}
	return stdout.String()
}

func tail(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(lines[max(0, len(lines)-20):], "\n")
}

// element is a start tag of the dumped DOM: enough to query by tag, id,
// class and attribute, which is all these tests need.
type element struct {
	tag   string
	attrs map[string]string
}

func (e element) class(c string) bool { return slices.Contains(strings.Fields(e.attrs["class"]), c) }

func (e element) hidden() bool {
	_, ok := e.attrs["hidden"]
	return ok
}

var (
	scriptRe = regexp.MustCompile(`(?is)<script\b.*?</script>`)
	tagRe    = regexp.MustCompile(`<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*/?>`)
	attrRe   = regexp.MustCompile(`([^\s"'>/=]+)(?:="([^"]*)")?`)
)

// parseDOM lists the start tags of Chromium's serialization, which quotes
// every attribute value with " and escapes the quotes inside. Script
// bodies are dropped first: code is not markup.
func parseDOM(dom string) []element {
	var out []element
	for _, m := range tagRe.FindAllStringSubmatch(scriptRe.ReplaceAllString(dom, "<script></script>"), -1) {
		e := element{tag: strings.ToLower(m[1]), attrs: map[string]string{}}
		for _, a := range attrRe.FindAllStringSubmatch(m[2], -1) {
			e.attrs[a[1]] = html.UnescapeString(a[2])
		}
		out = append(out, e)
	}
	return out
}

func find(els []element, match func(element) bool) []element {
	var out []element
	for _, e := range els {
		if match(e) {
			out = append(out, e)
		}
	}
	return out
}

func byID(t *testing.T, els []element, id string) element {
	t.Helper()
	got := find(els, func(e element) bool { return e.attrs["id"] == id })
	if len(got) != 1 {
		t.Fatalf("%d elements with id %q, want 1", len(got), id)
	}
	return got[0]
}

// viewRange parses "start,end" or the timeline's data-view-start/end.
func viewRange(t *testing.T, s string) (int64, int64) {
	t.Helper()
	a, b, ok := strings.Cut(s, ",")
	lo, err1 := strconv.ParseInt(a, 10, 64)
	hi, err2 := strconv.ParseInt(b, 10, 64)
	if !ok || err1 != nil || err2 != nil {
		t.Fatalf("view %q is not start,end", s)
	}
	return lo, hi
}

// loaded checks that the script ran to the end without an error.
func loaded(t *testing.T, els []element) element {
	t.Helper()
	body := find(els, func(e element) bool { return e.tag == "body" })
	if len(body) != 1 {
		t.Fatalf("%d body elements", len(body))
	}
	if msg, ok := body[0].attrs["data-js-error"]; ok {
		t.Fatalf("the page's script failed: %s", msg)
	}
	if body[0].attrs["data-ready"] != "1" {
		t.Fatalf("the page's script did not finish: body %v", body[0].attrs)
	}
	return body[0]
}

// checkLanes checks that every node and the harness have a lane.
func checkLanes(t *testing.T, els []element, nodes int) {
	t.Helper()
	var got []string
	for _, e := range find(els, func(e element) bool { return e.class("lane") }) {
		got = append(got, e.attrs["data-node"])
	}
	want := []string{"-1"}
	for i := range nodes {
		want = append(want, strconv.Itoa(i))
	}
	if !slices.Equal(got, want) {
		t.Errorf("lanes %v, want %v", got, want)
	}
}

// clickFinding opens page with #test-click=i for the finding of checker
// name, and checks that the click moved the view from the whole run to the
// finding and marked it. It returns the parsed DOM.
func clickFinding(t *testing.T, bin string, h checker.History, results []checker.Result, name, extra string) ([]element, findingData) {
	t.Helper()
	fs := findings(results)
	i := slices.IndexFunc(fs, func(f findingData) bool { return f.Checker == name })
	if i < 0 {
		t.Fatalf("no %s finding in %v", name, results)
	}
	f := fs[i]
	page := render(t, h, results, TimelineOptions{Title: t.Name()})
	els := parseDOM(dumpDOM(t, bin, page, "test-click="+strconv.Itoa(i)+extra))
	body := loaded(t, els)
	if body.attrs["data-test-done"] != "clicked" {
		t.Fatalf("the test hook did not click: %v", body.attrs)
	}

	beforeLo, beforeHi := viewRange(t, body.attrs["data-test-before"])
	afterLo, afterHi := viewRange(t, body.attrs["data-test-after"])
	tl := byID(t, els, "timeline")
	viewLo, viewHi := viewRange(t, tl.attrs["data-view-start"]+","+tl.attrs["data-view-end"])
	if viewLo != afterLo || viewHi != afterHi {
		t.Errorf("timeline shows [%d, %d], the hook recorded [%d, %d]", viewLo, viewHi, afterLo, afterHi)
	}
	d := buildData(h, results)
	if beforeLo > d.Start || beforeHi < d.End {
		t.Errorf("before the click the view [%d, %d] is not the whole run [%d, %d]", beforeLo, beforeHi, d.Start, d.End)
	}
	if !(afterLo <= f.At && f.At <= afterHi) {
		t.Errorf("after the click on finding %d (at %d) the view is [%d, %d]", i, f.At, afterLo, afterHi)
	}
	if f.Hi-f.Lo < (beforeHi-beforeLo)/2 && afterHi-afterLo >= beforeHi-beforeLo {
		t.Errorf("the click did not zoom in on [%d, %d]: [%d, %d] after [%d, %d]", f.Lo, f.Hi, afterLo, afterHi, beforeLo, beforeHi)
	}

	idx := strconv.Itoa(i)
	markers := find(els, func(e element) bool { return e.class("finding-marker") })
	if len(markers) != len(fs) {
		t.Errorf("%d finding markers, want %d", len(markers), len(fs))
	}
	m := find(markers, func(e element) bool { return e.attrs["data-index"] == idx })
	if len(m) != 1 || !m[0].class("selected") || m[0].hidden() {
		t.Errorf("marker %s is not shown selected: %v", idx, m)
	}
	var dots []string
	for _, e := range find(els, func(e element) bool { return e.class("finding-dot") }) {
		dots = append(dots, e.attrs["data-node"])
	}
	for _, n := range f.Nodes {
		if !slices.Contains(dots, strconv.Itoa(n)) {
			t.Errorf("no finding dot on node %d's lane (dots on %v)", n, dots)
		}
	}
	li := find(els, func(e element) bool { return e.tag == "li" && e.attrs["data-index"] == idx })
	if len(li) != 1 || !li[0].class("selected") {
		t.Errorf("list item %s is not selected: %v", idx, li)
	}
	return els, f
}

// Two leaders in term 2 during a partition: the lanes, the partition's
// shading and the markers render, and a click on the ElectionSafety finding
// brings it into view.
func TestBrowserTwoLeaders(t *testing.T) {
	t.Parallel()
	bin := chromium(t)
	h, results := fixture(t, "election-safety/bad-two-leaders-observed")
	els, f := clickFinding(t, bin, h, results, "ElectionSafety", "&test-hover=1550000000,0")
	checkLanes(t, els, 5)
	// Hovering over node 0 at 1.55s tells its role and the partition.
	tip := loaded(t, els).attrs["data-test-tooltip"]
	for _, want := range []string{"n0 · leader t2", "fault: partition", "links between n0 and n2, n3, n4 cut both ways"} {
		if !strings.Contains(tip, want) {
			t.Errorf("tooltip lacks %q:\n%s", want, tip)
		}
	}
	if f.At != int64(1610*time.Millisecond) {
		t.Errorf("ElectionSafety finding at %d, want 1.61s", f.At)
	}
	faults := find(els, func(e element) bool { return e.class("fault") })
	band := find(faults, func(e element) bool { return e.class("fault-net") })
	if len(band) != 1 || band[0].attrs["data-start"] != strconv.Itoa(int(time.Second)) {
		t.Errorf("no partition band from 1s among faults %v", faults)
	}
	cut := map[string]bool{}
	for _, e := range find(faults, func(e element) bool { return e.class("fault-cut") }) {
		cut[e.attrs["data-node"]] = true
	}
	if len(cut) != 5 {
		t.Errorf("cut links shaded on lanes %v, want all 5", cut)
	}
}

// A node votes twice in term 3: the marker, both grants drawn, the click.
func TestBrowserDoubleVote(t *testing.T) {
	t.Parallel()
	bin := chromium(t)
	h, results := fixture(t, "vote-once/bad-two-grants-on-wire")
	els, _ := clickFinding(t, bin, h, results, "VoteOnce", "")
	checkLanes(t, els, 3)
	tl := byID(t, els, "timeline")
	if n, _ := strconv.Atoi(tl.attrs["data-drawn-messages"]); n != 2 {
		t.Errorf("%d messages drawn around the double vote, want its 2 grants", n)
	}
	if faults := find(els, func(e element) bool { return e.class("fault") }); len(faults) != 0 {
		t.Errorf("faults shaded in a history without any: %v", faults)
	}
}

// Hostile text in every field stays text in the browser too.
func TestBrowserHostileText(t *testing.T) {
	t.Parallel()
	bin := chromium(t)
	const evil = `</script><script>document.body.dataset.pwned=1</script><img id="pwn" src=x onerror="document.body.dataset.pwned=2"><b id="bold">`
	b := hist.New(2).Note(evil)
	b.At(ms(100)).Event(checker.Event{Type: checker.Log, Node: 0, Detail: evil})
	b.At(ms(200)).Topology(1, evil, func(n *checker.Net) { n.Live[1] = false })
	b.At(ms(300)).Drop(impl.Message{From: 0, To: 1, Kind: impl.KindVoteRequest, Term: 1}, evil)
	results := []checker.Result{{Checker: evil, Outcome: checker.Violated, Reason: evil,
		Violations: []checker.Violation{{Summary: evil, At: ms(250), Nodes: []int{1}}}}}
	page := render(t, b.History(), results, TimelineOptions{Title: evil, Replay: evil, PorcupineView: evil})
	els := parseDOM(dumpDOM(t, bin, page, "test-click=0"))
	body := loaded(t, els)
	if _, ok := body.attrs["data-pwned"]; ok {
		t.Error("hostile text ran as script")
	}
	for _, id := range []string{"pwn", "bold"} {
		if len(find(els, func(e element) bool { return e.attrs["id"] == id })) > 0 {
			t.Errorf("hostile text made an element #%s", id)
		}
	}
	if n := len(find(els, func(e element) bool { return e.tag == "script" })); n != 2 {
		t.Errorf("%d script elements, want 2", n)
	}
	checkLanes(t, els, 2)
}

// A minute of a 7-node cluster with every message: all lanes, and a
// redraw of the whole minute with heartbeats in a bounded time.
func TestBrowserLargeHistory(t *testing.T) {
	if testing.Short() {
		t.Skip("renders a 100k-event page")
	}
	t.Parallel()
	bin := chromium(t)
	h := bigHistory()
	results := checker.Run(h, checker.All()...)
	page := render(t, h, results, TimelineOptions{Title: "big"})
	end := int64(h.Events[len(h.Events)-1].At)
	els := parseDOM(dumpDOM(t, bin, page, "heartbeats=1&bench=5&view=0,"+strconv.FormatInt(end, 10)))
	loaded(t, els)
	checkLanes(t, els, 7)
	tl := byID(t, els, "timeline")
	drawn, _ := strconv.Atoi(tl.attrs["data-drawn-messages"])
	if drawn < 1000 {
		t.Errorf("%d messages drawn for the whole minute with heartbeats on", drawn)
	}
	median, _, _ := strings.Cut(tl.attrs["data-bench-ms"], ",")
	took, err := strconv.ParseFloat(median, 64)
	// The bound only catches a page gone quadratic: CI runners are slow
	// and shared, and a person notices well before it.
	if err != nil || took > 5000 {
		t.Errorf("redrawing the whole minute takes %q ms", tl.attrs["data-bench-ms"])
	}
	t.Logf("%d events, page %.2f MB: script ready after %s ms (JSON parse %s ms); redraw of 60s with heartbeats (%d lines): median,fastest %s ms",
		len(h.Events), float64(len(page))/(1<<20), tl.attrs["data-render-ms"], tl.attrs["data-parse-ms"], drawn, tl.attrs["data-bench-ms"])
}
