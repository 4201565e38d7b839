// Package replacedbody replaces a response's Body before handing the
// response on: the original body is the connection's, and only a
// replacement that closes it keeps it owed through the response.
package replacedbody

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
)

type transport struct {
	next http.RoundTripper
}

// RoundTrip replaces the body with a gzip reader, whose Close does not
// close the reader it reads from: the connection's body is dropped.
func (t *transport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req) // want `response body from t.next.RoundTrip is not closed: line 27 replaces its Body with a value that does not hold it`
	if err != nil {
		return nil, err
	}
	if resp.Header.Get("Content-Encoding") != "gzip" {
		return resp, nil
	}
	resp.Body, err = gzip.NewReader(resp.Body)
	return resp, err
}

// gzipBody reads the decompressed stream and closes both.
type gzipBody struct {
	zr   *gzip.Reader
	body io.ReadCloser
}

func (g *gzipBody) Read(p []byte) (int, error) { return g.zr.Read(p) }

func (g *gzipBody) Close() error {
	g.zr.Close()
	return g.body.Close()
}

type owningTransport struct {
	next http.RoundTripper
}

// RoundTrip keeps the connection's body in the replacement, whose Close
// closes it.
func (t *owningTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.Header.Get("Content-Encoding") != "gzip" {
		return resp, nil
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		resp.Body.Close()
		return nil, err
	}
	resp.Body = &gzipBody{zr: zr, body: resp.Body}
	return resp, nil
}

// Buffered reads the body and replaces it with the bytes read, without
// closing it.
func Buffered(c *http.Client, url string) (*http.Response, error) {
	resp, err := c.Get(url) // want `response body from c.Get is read to the end but not closed: line 75 replaces its Body with a value that does not hold it: its connection is reused, but the body must still be closed`
	if err != nil {
		return nil, err
	}
	data, _ := io.ReadAll(resp.Body)
	resp.Body = io.NopCloser(bytes.NewReader(data))
	return resp, nil
}

// BufferedClosed closes the body before replacing it.
func BufferedClosed(c *http.Client, url string) (*http.Response, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(data))
	return resp, nil
}

// BufferedDeferred closes the body in a defer: the replacement is what
// the caller gets, and the original is closed as the function returns.
func BufferedDeferred(c *http.Client, url string) (*http.Response, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	body := resp.Body
	defer body.Close()
	data, err := io.ReadAll(body)
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(data))
	return resp, nil
}

type pairTransport struct {
	next http.RoundTripper
}

// RoundTrip replaces the body with a pair whose Closer is the original
// body: closing the replacement closes it.
func (t *pairTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		resp.Body.Close()
		return nil, err
	}
	resp.Body = struct {
		io.Reader
		io.Closer
	}{zr, resp.Body}
	return resp, nil
}

// Emptied closes the body and then drops it: nothing is left to close.
func Emptied(c *http.Client, url string) (*http.Response, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	resp.Body = http.NoBody
	return resp, nil
}

// Nilled drops the body it never closed.
func Nilled(c *http.Client, url string) (int, error) {
	resp, err := c.Get(url) // want `response body from c.Get is not closed when returning at line 152`
	if err != nil {
		return 0, err
	}
	resp.Body = nil
	return resp.StatusCode, nil
}

// Swapped keeps the original body in a variable and closes it after
// replacing it.
func Swapped(c *http.Client, url string) (*http.Response, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	orig := resp.Body
	data, err := io.ReadAll(orig)
	resp.Body = io.NopCloser(bytes.NewReader(data))
	orig.Close()
	if err != nil {
		return nil, err
	}
	return resp, nil
}

type upgraded struct{ rwc io.ReadWriteCloser }

// Upgrade keeps the original body in a variable before clearing the
// field: a deferred cleanup closes it when the upgrade fails, and on
// success it becomes the returned connection. The cleared field drops
// nothing.
func Upgrade(c *http.Client, req *http.Request) (_ *upgraded, _ *http.Response, err error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, resp, err
	}
	body := resp.Body
	resp.Body = nil
	defer func() {
		if err != nil {
			body.Close()
			resp.Body = http.NoBody
		}
	}()
	if resp.StatusCode != http.StatusSwitchingProtocols {
		return nil, resp, io.ErrUnexpectedEOF
	}
	rwc, ok := body.(io.ReadWriteCloser)
	if !ok {
		return nil, resp, io.ErrClosedPipe
	}
	return &upgraded{rwc: rwc}, resp, nil
}
