package proxy

import (
	"io"
	"net"
	"slices"
	"testing"
	"time"
)

// BenchmarkRoundTrip64 measures the latency a link adds to a 64-byte
// request and its 64-byte response: each iteration makes one round trip
// straight to the echo server and one through the link, interleaved so
// that both see the same machine, and reports both distributions and the
// difference of their medians and 99th percentiles. The link is clean (the
// fast path), or has a shaping effect that does nothing noticeable (every
// chunk through the queue and the writer).
func BenchmarkRoundTrip64(b *testing.B) {
	for _, bc := range []struct {
		name   string
		effect Effect
	}{
		{"link", Effect{}},
		{"link-shaped-path", Effect{BytesPerSecond: 1 << 50}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			target := startServer(b, echo64)
			l := newLink(b, target)
			l.Set(bc.effect)
			direct, linked := dial(b, target), dial(b, l.Addr())
			req := make([]byte, 64)
			var d, p []time.Duration
			for b.Loop() {
				d = append(d, timeRoundTrip(b, direct, req))
				p = append(p, timeRoundTrip(b, linked, req))
			}
			reportLatency(b, d, p)
		})
	}
}

func reportLatency(b *testing.B, direct, linked []time.Duration) {
	dm, d99 := quantiles(direct)
	pm, p99 := quantiles(linked)
	b.ReportMetric(us(dm), "direct-p50-µs")
	b.ReportMetric(us(d99), "direct-p99-µs")
	b.ReportMetric(us(pm), "link-p50-µs")
	b.ReportMetric(us(p99), "link-p99-µs")
	b.ReportMetric(us(pm-dm), "added-p50-µs")
	b.ReportMetric(us(p99-d99), "added-p99-µs")
}

// echo64 answers every 64 bytes with them.
func echo64(c net.Conn) {
	buf := make([]byte, 64)
	for {
		if _, err := io.ReadFull(c, buf); err != nil {
			return
		}
		if _, err := c.Write(buf); err != nil {
			return
		}
	}
}

func timeRoundTrip(b *testing.B, c net.Conn, req []byte) time.Duration {
	start := time.Now()
	if _, err := c.Write(req); err != nil {
		b.Fatal(err)
	}
	if _, err := io.ReadFull(c, req); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}

func quantiles(ds []time.Duration) (median, p99 time.Duration) {
	slices.Sort(ds)
	return ds[len(ds)/2], ds[len(ds)*99/100]
}

func us(d time.Duration) float64 { return float64(d) / float64(time.Microsecond) }

// bulk is what one iteration of BenchmarkThroughput copies.
const bulk = 256 << 20

// BenchmarkThroughput copies 256 MiB one way to a server that counts them
// and answers with one byte, straight and through the link in turn each
// iteration (so that both see the same load), and reports both rates and
// their ratio. The link is clean (the fast path), or has a shaping effect
// that does nothing noticeable (every chunk through the queue and the
// writer).
func BenchmarkThroughput(b *testing.B) {
	for _, bc := range []struct {
		name   string
		effect Effect
	}{
		{"link", Effect{}},
		{"link-shaped-path", Effect{BytesPerSecond: 1 << 50}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			target := startServer(b, sink)
			l := newLink(b, target)
			l.Set(bc.effect)
			direct, linked := dial(b, target), dial(b, l.Addr())
			buf := make([]byte, 64<<10)
			var d, p time.Duration
			for b.Loop() {
				d += copyBulk(b, direct, buf)
				p += copyBulk(b, linked, buf)
			}
			rate := func(t time.Duration) float64 { return float64(b.N) * bulk / (1 << 20) / t.Seconds() }
			b.ReportMetric(rate(d), "direct-MiB/s")
			b.ReportMetric(rate(p), "link-MiB/s")
			b.ReportMetric(float64(d)/float64(p), "link/direct")
		})
	}
}

// sink reads bulk bytes at a time and acknowledges each lot with one byte.
func sink(c net.Conn) {
	buf := make([]byte, 64<<10)
	for {
		if _, err := io.CopyBuffer(io.Discard, io.LimitReader(onlyReader{c}, bulk), buf); err != nil {
			return
		}
		if _, err := c.Write([]byte{1}); err != nil {
			return
		}
	}
}

// onlyReader hides a connection's WriterTo, so that the sink reads with its
// own buffer as a real receiver would.
type onlyReader struct{ io.Reader }

// copyBulk sends one lot and waits for its acknowledgement.
func copyBulk(b *testing.B, c net.Conn, buf []byte) time.Duration {
	start := time.Now()
	for sent := 0; sent < bulk; sent += len(buf) {
		if _, err := c.Write(buf); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := io.ReadFull(c, buf[:1]); err != nil {
		b.Fatal(err)
	}
	return time.Since(start)
}
