package leakproof

import (
	"bytes"
	"compress/gzip"
	"io"
	"math/rand/v2"
	"net/http"
	"testing"
	"time"
)

// gunzipLeaky has the shape of a decompressing transport before its fix:
// it replaces the response's Body with a gzip reader, whose Close does
// not close the reader it reads from, so the connection's body is
// dropped.
type gunzipLeaky struct{ next http.RoundTripper }

func (g gunzipLeaky) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := g.next.RoundTrip(req) //nolint:httpbody // the leak this test measures
	if err != nil {
		return nil, err
	}
	resp.Body, err = gzip.NewReader(resp.Body)
	return resp, err
}

// gunzipBody closes the gzip reader and the body it reads.
type gunzipBody struct {
	*gzip.Reader
	body io.ReadCloser
}

func (g gunzipBody) Close() error {
	g.Reader.Close()
	return g.body.Close()
}

// gunzipFixed keeps the connection's body in the replacement.
type gunzipFixed struct{ next http.RoundTripper }

func (g gunzipFixed) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := g.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		resp.Body.Close()
		return nil, err
	}
	resp.Body = gunzipBody{zr, resp.Body}
	return resp, nil
}

// TestReplacedBody: a transport that replaces a response's Body with a
// gzip reader hands its caller a body whose Close leaves the connection's
// body open. The caller reads the first bytes and closes what it got, as
// a caller that stops early does: with the leaky transport each call keeps
// its connection checked out, and CloseIdleConnections reaches none; with
// the fixed one, closing the replacement closes the body, and the
// transport closes each connection.
func TestReplacedBody(t *testing.T) {
	var payload bytes.Buffer
	zw := gzip.NewWriter(&payload)
	// Random bytes do not compress: the body stays far longer than what
	// the gzip reader reads ahead for the caller's first bytes.
	noise := make([]byte, 1<<18)
	rand.NewChaCha8([32]byte{}).Read(noise)
	zw.Write(noise)
	zw.Close()
	serve := func(t *testing.T) (string, *connTracker) {
		srv, conns := trackedServer(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(payload.Bytes())
		}))
		return srv.URL, conns
	}
	call := func(t *testing.T, hc *http.Client, url string) {
		t.Helper()
		for i := range httpCalls {
			resp, err := hc.Get(url)
			if err != nil {
				t.Fatalf("call %d: %v", i, err)
			}
			if _, err := io.ReadFull(resp.Body, make([]byte, 64)); err != nil {
				t.Fatalf("call %d: reading: %v", i, err)
			}
			resp.Body.Close()
		}
	}
	newTransport := func(t *testing.T) *http.Transport {
		tp := &http.Transport{DisableCompression: true}
		t.Cleanup(tp.CloseIdleConnections)
		return tp
	}

	t.Run("leaky", func(t *testing.T) {
		url, conns := serve(t)
		tp := newTransport(t)
		call(t, &http.Client{Transport: gunzipLeaky{tp}}, url)
		heldPerCall(t, conns, tp)
	})

	t.Run("fixed", func(t *testing.T) {
		url, conns := serve(t)
		tp := newTransport(t)
		call(t, &http.Client{Transport: gunzipFixed{tp}}, url)
		tp.CloseIdleConnections()
		closed := eventually(t, 5*time.Second, func() bool { return conns.open() == 0 })
		t.Logf("after %d calls: %d connections accepted, %d still open", httpCalls, conns.total(), conns.open())
		if !closed {
			t.Errorf("%d connections open after CloseIdleConnections, want 0", conns.open())
		}
	})
}
