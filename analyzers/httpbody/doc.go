// Package httpbody defines an Analyzer that reports HTTP response bodies
// that are not closed on every path.
//
// # Analyzer httpbody
//
// httpbody: report HTTP response bodies that are not closed on some path
//
//   - Finds: `*http.Response` values whose `Body` is not closed on some path
//     that returns normally.
//   - Categories: `leak`; `drained`, a body read to its end (`io.ReadAll`,
//     `io.Copy`, `bytes.Buffer.ReadFrom`, an `io.ReadFull` whose error is
//     `io.EOF`, or a helper or function literal that does one of these on
//     every path) on every path where it is not closed: net/http then
//     gives the connection back, but the documented contract (close the
//     body) is broken, so it is reported apart and can be silenced apart
//     (`//nolint:httpbody/drained`). A path after an `io.ReadAll` of
//     `io.LimitReader(resp.Body, n)` that failed counts with them: the
//     body's own read failed, and net/http has closed its connection; a
//     bounded read that succeeded does not (an answer longer than the
//     bound keeps the connection). `strict`, opt-in: see below.
//   - Default: on.
//
// # Why it matters
//
// An HTTP/1.x response body owns its TCP connection until the body is closed.
// A body left open on one path (an early return on a bad status, a decode
// error) keeps that connection out of the transport's idle pool. Under load
// the client dials a new connection per request; the process accumulates
// sockets, buffers and goroutines (the transport's read and write loops) and
// the server's connection slots fill up. It is the Go form of the runbook's
// "HTTP client connections" leak: memory and descriptors grow until the
// service is OOM-killed or hits its file limit.
//
// `leakproof/httpbody_test.go` measures it: 20 requests on the demo's leaky
// path leave 20 connections open against a real `httptest` server; the fixed
// sibling reuses one connection and leaves none open.
//
// # Bad
//
//	func (c *Client) Customer(ctx context.Context, id string) (*Customer, error) {
//		req, _ := http.NewRequestWithContext(ctx, "GET", c.base+"/customers/"+id, nil)
//		resp, err := c.hc.Do(req) // httpbody: response body from c.hc.Do is not closed when returning at line 7
//		if err != nil {
//			return nil, err
//		}
//		if resp.StatusCode != http.StatusOK {
//			return nil, fmt.Errorf("customer %s: status %d", id, resp.StatusCode)
//		}
//		defer resp.Body.Close()
//		var cust Customer
//		return &cust, json.NewDecoder(resp.Body).Decode(&cust)
//	}
//
// # Good
//
//	resp, err := c.hc.Do(req)
//	if err != nil {
//		return nil, err
//	}
//	defer resp.Body.Close() // right after the error check: covers every later return
//	if resp.StatusCode != http.StatusOK {
//		return nil, fmt.Errorf("customer %s: status %d", id, resp.StatusCode)
//	}
//
// The suggested fix inserts exactly that `defer resp.Body.Close()` when the
// acquisition is `resp, err := ...` followed by `if err != nil { return ... }`
// and the response is never handed to an owner (`go fix -fixtool=leakvet` or
// `leakvet -fix` apply it).
//
// # What counts as released or handed on
//
//   - `resp.Body.Close()`, directly, deferred, in a deferred closure, through a
//     method value (`c := resp.Body.Close; defer c()`), or in a goroutine that
//     captures the response.
//   - A helper, in this package or any other, whose summary says it closes its
//     parameter (`func drain(r *http.Response)`, `func closeQuietly(c io.Closer)`,
//     a generic `func Close[T io.Closer](c T)`). Summaries travel between
//     packages as analysis facts, so the same holds under `go vet`.
//   - Ownership transfer: the response (or a struct holding it) is returned,
//     stored in a field, map, slice or global, sent on a channel, passed to a
//     function that keeps it, or registered with `t.Cleanup`.
//   - Conditional helpers are understood: `if err := checkStatus(resp); err != nil
//     { return err }` where `checkStatus` closes the body only when it returns
//     an error leaves the caller owning it on the success path.
//   - A response returned with a non-nil error is nil: the error path owes
//     nothing. `if resp != nil { defer resp.Body.Close() }` is fine too.
//     The exception is a helper of your own that returns the response
//     unclosed together with an error (a failed status handed back for its
//     details): its callers must close it on the error path as well.
//   - A wrapper type that embeds `*http.Response` and is returned with the
//     body open is the response: its callers close `resp.Body`.
//   - `httptest.ResponseRecorder.Result()` is not an acquisition: its body holds
//     no connection.
//
// Mentioning the response (`_ = resp`, `fmt.Println(resp)`, reading
// `resp.Body` with `io.ReadAll`) releases nothing. Nor does replacing its
// Body with a value that does not hold the one there (`resp.Body, err =
// gzip.NewReader(resp.Body)`, whose Close does not close what it reads;
// `resp.Body = io.NopCloser(bytes.NewReader(data))` after reading it):
// returning the response afterwards hands on only the replacement, and
// the connection's body is reported as dropped at that store, unless the
// function closes it through a variable it kept. A replacement that
// keeps it (a struct holding the gzip reader and the original body, whose
// Close closes both) carries it on.
//
// # Not reported
//
//   - Leaks at the return of `func main`: the process exits.
//   - Results discarded in `_test.go` files (`_, err := c.Get(badURL)` in a test
//     that expects the error).
//   - `http.ReadResponse`: its body reads from a reader the caller owns and no
//     pooled connection is involved.
//   - `http.Head` and `(*http.Client).Head`: a HEAD response's body is
//     `http.NoBody` and its connection is back in the pool already. So is a
//     HEAD request sent with `Do` or a transport's `RoundTrip`: one made by
//     `http.NewRequest(http.MethodHead, ...)` (or `NewRequestWithContext`,
//     or a `&http.Request{Method: "HEAD"}` literal, or `req.Method = "HEAD"`
//     before the call) that nothing of the program can change first.
//   - A response from an `httptest` server made in the same function, sent
//     to its `URL` (optionally followed by a path or a query) through its
//     own `Client()` or the default client, when the server's handler (a
//     function of the package) uses its `ResponseWriter` only for
//     `Header()` and `WriteHeader`, sets no `Content-Length`,
//     `Transfer-Encoding`, `Trailer` or `Location`, and sends no 101: the
//     server answers `Content-Length: 0` and the body is `http.NoBody`.
//     A handler that writes, or hands `w` to any call, keeps the finding.
//     When the URL's path is a constant (`srv.URL + "/items"`), a handler
//     that dispatches on it is judged by the route the request reaches: its
//     branches on `r.URL.Path` (and on `r.Method`, for a request made with a
//     constant method) follow the request, and a `http.NewServeMux()` of the
//     same function with constant patterns answers with the handler the mux
//     picks for it; the mux's own not-found, redirect and method-not-allowed
//     answers have bodies.
//   - Paths on which the status was compared equal to 204 No Content or 304
//     Not Modified (`if resp.StatusCode == http.StatusNoContent { return nil }`):
//     such a body is `http.NoBody` too.
//   - Responses answered in memory by a round tripper of the package: a
//     client made in the same function (`&http.Client{Transport: fake{}}`,
//     used only through its own methods) whose transport's `RoundTrip` (or
//     the function literal a func-type adapter converts) returns only nil or
//     `&http.Response{...}` it builds, or a helper of the package's, with a
//     body that is nil, `http.NoBody` or `io.NopCloser` of a
//     `*strings.Reader`, `*bytes.Reader` or `*bytes.Buffer`; the same round
//     tripper registered with `(*http.Transport).RegisterProtocol` for the
//     scheme of the call's constant URL; or one called directly. A round
//     tripper of the package that hands the request to the one in a field of
//     its receiver (`return t.base.RoundTrip(req)`) answers with what that
//     one answers, when it is made in sight and every value stored into the
//     field answers in memory. A client built elsewhere, handed to other
//     code, or a round tripper that returns a response it did not build (a
//     field of a value out of sight, another round tripper's) is still
//     checked.
//   - Paths on which a test has already failed (`t.Errorf(...)` followed by
//     `return` or `continue`), and example functions without an output
//     comment, which `go test` compiles but never runs.
//   - A branch of a table-driven test that no row of its table takes
//     (`if tc.wantCode != 0` where no row sets wantCode), and the error
//     path of a call of a test's fake whose method always returns nil, as
//     in closecheck.
//   - A helper that returns the response for its status and headers after
//     closing the body on some path (unless a caller's option asks to keep
//     it): its callers cannot know which they got, so it is not taken for a
//     function that returns an owned response. A finding that rests on a
//     helper's summary names the line where the helper returns the
//     response unreleased.
//
// # Strict mode
//
// `-httpbody.strict` also reports a close that is reached on every path but is
// not deferred while calls that can fail or panic run between the request and
// the close (the runbook's "missing context manager"); its fix moves the close
// into a `defer` right after the error check.
//
// # Suppressing
//
//	resp, err := client.Do(req) //nolint:httpbody // the stream's owner closes it
//
// or `//nolint:leakvet` for every check, alone on the line above or at the end
// of the reported line; `-httpbody=false` turns the check off.
package httpbody
