// Package memwriters: compression writers whose destination is memory
// hold nothing outside it; into anything else they are resources.
package memwriters

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"io"
	"os"
	"strings"
)

// Into io.Discard nothing reads what a writer left open loses.
func flateIntoDiscard(data []byte) error {
	w, err := flate.NewWriter(io.Discard, flate.BestSpeed)
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// The same writer into a file loses the file's end.
func flateIntoFile(f *os.File, data []byte) error {
	w, err := flate.NewWriter(f, flate.BestSpeed) // want `flate writer from flate.NewWriter is not closed \(its buffered data is lost\) when returning at line 32`
	if err != nil {
		return err
	}
	_, err = w.Write(data)
	return err
}

// Into a writer of unknown kind: keep reporting.
func gzipIntoParam(w io.Writer, data []byte) error {
	zw := gzip.NewWriter(w) // want `gzip writer from gzip.NewWriter is not closed \(its buffered data and trailer are lost\) when returning at line 39`
	_, err := zw.Write(data)
	return err
}

// Into a bytes.Buffer, flushed before the buffer is read: the function
// chose to leave the stream's end off (a size measurement, a framing of
// its own).
func flushedIntoBuffer(data []byte) int {
	var buf bytes.Buffer
	w, _ := flate.NewWriter(&buf, flate.BestSpeed)
	w.Write(data)
	w.Flush()
	return buf.Len()
}

// Into a bytes.Buffer never flushed nor closed, whose bytes are returned:
// the output is truncated.
func unflushedIntoBuffer(data []byte) []byte {
	buf := bytes.NewBuffer(nil)
	zw := zlib.NewWriter(buf) // want `zlib writer from zlib.NewWriter is not closed \(its buffered data and trailer are lost\) when returning at line 59`
	zw.Write(data)
	return buf.Bytes()
}

// A strings.Builder is memory too; closed on the path that keeps the
// output, left open on the other.
func builderClosedOnSomePath(data []byte, keep bool) string {
	var sb strings.Builder
	zw := gzip.NewWriter(&sb)
	zw.Write(data)
	if !keep {
		return ""
	}
	zw.Close()
	return sb.String()
}

// Pointed at memory again and again by Reset: still memory.
func resetIntoDiscard(data []byte) {
	w, _ := flate.NewWriter(io.Discard, flate.BestSpeed)
	for i := 0; i < 3; i++ {
		w.Write(data)
		w.Reset(io.Discard)
	}
}

// Reset onto a file: the writer is the file's, as if made for it.
func resetIntoFile(f *os.File, data []byte) {
	w, _ := flate.NewWriter(io.Discard, flate.BestSpeed) // want `flate writer from flate.NewWriter is not closed \(its buffered data is lost\) when returning at line 89`
	w.Reset(f)
	w.Write(data)
}

// A writer of nil is pointed somewhere later: keep reporting.
func nilDestination(data []byte) {
	w, _ := flate.NewWriter(nil, flate.BestSpeed) // want `flate writer from flate.NewWriter is not closed \(its buffered data is lost\) when returning at line 95`
	w.Write(data)
}

// limitedWriter looks at what it is written only for its length: it
// drops the bytes, as io.Discard does.
type limitedWriter struct{ n int }

func (l *limitedWriter) Write(p []byte) (int, error) {
	if l.n < len(p) {
		n := l.n
		l.n = 0
		return n, io.ErrShortWrite
	}
	l.n -= len(p)
	return len(p), nil
}

func intoLimitedWriter(data []byte) {
	for lim := 2; lim < 20; lim++ {
		zw := gzip.NewWriter(&limitedWriter{lim})
		zw.Write(data)
	}
}

// fileWriter hands what it is written to a file: not memory.
type fileWriter struct{ f *os.File }

func (w *fileWriter) Write(p []byte) (int, error) { return w.f.Write(p) }

func intoFileWriter(f *os.File, data []byte) {
	zw := gzip.NewWriter(&fileWriter{f}) // want `gzip writer from gzip.NewWriter is not closed \(its buffered data and trailer are lost\) when returning at line 126`
	zw.Write(data)
}

// recorder keeps what it is written in memory: a buffer, so left open
// and never flushed, what it holds is truncated.
type recorder struct{ got []byte }

func (r *recorder) Write(p []byte) (int, error) {
	r.got = append(r.got, p...)
	return len(p), nil
}

func intoRecorder(data []byte) []byte {
	r := &recorder{}
	zw := gzip.NewWriter(r) // want `gzip writer from gzip.NewWriter is not closed \(its buffered data and trailer are lost\) when returning at line 141`
	zw.Write(data)
	return r.got
}

func intoRecorderFlushed(data []byte) []byte {
	r := &recorder{}
	zw := gzip.NewWriter(r)
	zw.Write(data)
	zw.Flush()
	return r.got
}
