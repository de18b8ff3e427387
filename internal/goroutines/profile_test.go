package goroutines

import "testing"

func TestParseProfileGolden(t *testing.T) {
	golden(t, "frozen.profile.golden", renderRecords(ParseProfile(readTestdata(t, "frozen.profile"))))
}

func TestParseProfileOddities(t *testing.T) {
	text := "goroutine profile: total 4\r\n" +
		"3 @ 0x1 0x2\r\n" +
		"# labels: {\"a\":\"1\", \"b\":\"x\\\"y\"}\r\n" +
		"#\t0x1\n" +
		"#\t0x2\tmain.f+0x10\t\t/a b/f.go:7\n" +
		"\n" +
		"1 @ 0x3\n" +
		"# labels: {\"a\":\n" +
		"#\t0x3\tmain.g+0x1\t/g.go:notanumber\n"
	rs := ParseProfile([]byte(text))
	if len(rs) != 2 {
		t.Fatalf("got %d records: %+v", len(rs), rs)
	}
	if rs[0].Count != 3 || renderLabels(rs[0].Labels) != `{"a":"1", "b":"x\"y"}` {
		t.Errorf("record 0: %+v", rs[0])
	}
	if len(rs[0].Frames) != 2 || (rs[0].Frames[1] != Frame{"main.f", "/a b/f.go", 7}) || rs[0].Frames[0].Func != "" {
		t.Errorf("record 0 frames: %+v", rs[0].Frames)
	}
	if rs[1].Count != 1 || rs[1].Labels != nil || (rs[1].Frames[0] != Frame{"main.g", "/g.go:notanumber", 0}) {
		t.Errorf("record 1: %+v", rs[1])
	}
}
