// Package nobody holds responses whose Body net/http sets to http.NoBody
// (nothing to close) beside look-alikes that hold a connection.
package nobody

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
)

// headThroughNewRequest: a response to HEAD has no body.
func headThroughNewRequest(c *http.Client, u string) (int, error) {
	req, err := http.NewRequest(http.MethodHead, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// getThroughNewRequest is the same with GET: the body holds the connection.
func getThroughNewRequest(c *http.Client, u string) (int, error) {
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req) // want `response body from c.Do is not closed when returning at line 37`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// headWithContext: NewRequestWithContext, the default client, a copy
// of the request.
func headWithContext(ctx context.Context, u string) (int, error) {
	req, err := http.NewRequestWithContext(ctx, "HEAD", u, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Accept", "*/*")
	resp, err := http.DefaultClient.Do(req.WithContext(ctx))
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// headThroughTransport: one round trip of a HEAD request.
func headThroughTransport(tr *http.Transport, u string) (int, error) {
	req, err := http.NewRequest("HEAD", u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := tr.RoundTrip(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// headMethodField: a request made for GET whose Method is set to HEAD
// before it is sent.
func headMethodField(c *http.Client, u string) (int, error) {
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return 0, err
	}
	req.Method = http.MethodHead
	resp, err := c.Do(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// getMethodField: made for HEAD, then set to GET.
func getMethodField(c *http.Client, u string) (int, error) {
	req, err := http.NewRequest("HEAD", u, nil)
	if err != nil {
		return 0, err
	}
	req.Method = http.MethodGet
	resp, err := c.Do(req) // want `response body from c.Do is not closed when returning at line 94`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// headLiteral: a request literal whose Method is HEAD.
func headLiteral(c *http.Client, u *url.URL) (int, error) {
	resp, err := c.Do(&http.Request{Method: "HEAD", URL: u, Header: http.Header{}})
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// literalWithoutMethod: an empty Method is GET.
func literalWithoutMethod(c *http.Client, u *url.URL) (int, error) {
	resp, err := c.Do(&http.Request{URL: u}) // want `response body from c.Do is not closed when returning at line 112`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// headMaybeChanged: a helper of the program gets the request first and
// might set another method.
func headMaybeChanged(c *http.Client, u string, prepare func(*http.Request)) (int, error) {
	req, err := http.NewRequest("HEAD", u, nil)
	if err != nil {
		return 0, err
	}
	prepare(req)
	resp, err := c.Do(req) // want `response body from c.Do is not closed when returning at line 127`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// methodFromCaller: the method is not known here.
func methodFromCaller(c *http.Client, method, u string) (int, error) {
	req, err := http.NewRequest(method, u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req) // want `response body from c.Do is not closed when returning at line 140`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// handlerWritesNothing: the test server's handler only sets a header and
// a status, so the answer has Content-Length: 0.
func handlerWritesNothing() (string, error) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Seen", r.URL.Path)
		w.WriteHeader(http.StatusCreated)
	}))
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL + "/v2/")
	if err != nil {
		return "", err
	}
	return resp.Header.Get("X-Seen"), nil
}

// handlerWritesNothingNamed: a named handler, the default client, a
// request built for the server's URL.
func handlerWritesNothingNamed() (int, error) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(accepted))
	srv.EnableHTTP2 = true
	srv.StartTLS()
	defer srv.Close()
	req, err := http.NewRequest("PUT", srv.URL+"?digest=x", nil)
	if err != nil {
		return 0, err
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func accepted(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPut {
		w.WriteHeader(http.StatusMethodNotAllowed)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

// handlerWritesBody: on one path the handler writes a body.
func handlerWritesBody() (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			fmt.Fprint(w, `{"token": "t"}`)
			return
		}
		w.WriteHeader(http.StatusOK)
	}))
	defer srv.Close()
	resp, err := http.Get(srv.URL) // want `response body from http.Get is not closed when returning at line 198`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// handlerPassesWriter: a helper gets the ResponseWriter and may write.
func handlerPassesWriter() (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reply(w, http.StatusOK)
	}))
	defer srv.Close()
	resp, err := http.Get(srv.URL) // want `response body from http.Get is not closed when returning at line 211`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func reply(w http.ResponseWriter, code int) {
	w.WriteHeader(code)
	io.WriteString(w, "done")
}

// handlerDeclaresLength: a declared Content-Length frames a body the
// handler never writes; the client waits for it.
func handlerDeclaresLength() (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", "10")
	}))
	defer srv.Close()
	resp, err := http.Get(srv.URL) // want `response body from http.Get is not closed when returning at line 230`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// otherHost: the server's URL followed by "@host" names another host.
func otherHost(host string) (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "@" + host) // want `response body from http.Get is not closed when returning at line 241`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// handlerReplaced: the server's Config may run another handler.
func handlerReplaced(h http.Handler) (int, error) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	srv.Config.Handler = h
	srv.Start()
	defer srv.Close()
	resp, err := http.Get(srv.URL) // want `response body from http.Get is not closed when returning at line 254`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// otherClient: a client of the caller's may answer from anywhere.
func otherClient(c *http.Client) (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	resp, err := c.Get(srv.URL) // want `response body from c.Get is not closed when returning at line 265`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// handlerRedirects: a Location header sends the client on to wherever it
// points.
func handlerRedirects(to string) (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", to)
		w.WriteHeader(http.StatusFound)
	}))
	defer srv.Close()
	resp, err := http.Get(srv.URL) // want `response body from http.Get is not closed when returning at line 280`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// handlerSwitchesProtocols: a 101's body is the connection itself.
func handlerSwitchesProtocols() (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Upgrade", "x")
		w.Header().Set("Connection", "Upgrade")
		w.WriteHeader(http.StatusSwitchingProtocols)
	}))
	defer srv.Close()
	resp, err := http.Get(srv.URL) // want `response body from http.Get is not closed when returning at line 295`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// handlerHijacks: a hijacked connection answers whatever it writes.
func handlerHijacks() (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			c.Close()
		}
	}))
	defer srv.Close()
	resp, err := http.Get(srv.URL) // want `response body from http.Get is not closed when returning at line 311`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// headAfterSend: the Method set to HEAD only after the request was sent.
func headAfterSend(c *http.Client, u string) (int, error) {
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return 0, err
	}
	resp, err := c.Do(req) // want `response body from c.Do is not closed when returning at line 325`
	req.Method = "HEAD"
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// handlerWritesNothingCleanup: the server is closed through a method
// value; its client sends a POST to a path of its URL.
func handlerWritesNothingCleanup(cleanup func(func())) (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	}))
	cleanup(srv.Close)
	resp, err := srv.Client().Post(srv.URL+"/upload", "text/plain", nil)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// headAfterCopy: the copy sent was made while the method was GET.
func headAfterCopy(ctx context.Context, c *http.Client, u string) (int, error) {
	req, err := http.NewRequest("GET", u, nil)
	if err != nil {
		return 0, err
	}
	sent := req.WithContext(ctx)
	req.Method = "HEAD"
	resp, err := c.Do(sent) // want `response body from c.Do is not closed when returning at line 354`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
