// Package httpbody defines an Analyzer that reports HTTP response bodies
// that are not closed on every path.
//
// # Analyzer httpbody
//
// httpbody: report HTTP response bodies that are not closed on some path
//
// A *http.Response returned by http.Get, (*http.Client).Do and the other
// client calls holds its connection until resp.Body is closed. A body left
// open on any path (an early return on a bad status code, an error while
// decoding) keeps that connection out of the transport's pool: under load
// the client dials a new connection per request, and file descriptors,
// memory and the server's connection slots run out.
//
// The check reports at the call that acquired the response and names the
// return on which the body leaks:
//
//	resp, err := client.Do(req)
//	if err != nil {
//		return err
//	}
//	if resp.StatusCode != http.StatusOK {
//		return fmt.Errorf("status %d", resp.StatusCode) // body leaks here
//	}
//	defer resp.Body.Close()
//
// Fix it by deferring the close right after the error check:
//
//	resp, err := client.Do(req)
//	if err != nil {
//		return err
//	}
//	defer resp.Body.Close()
//
// No report is made when ownership of the response moves on: it is
// returned to the caller, stored in a field, map, slice or global, sent on
// a channel, captured by a goroutine, or passed to a function (in any
// package) that closes or keeps it. A response returned with a non-nil
// error is nil and needs no close.
//
// Suppress a finding with //nolint:httpbody (or //nolint:leakvet) on the
// reported line or alone on the line above it.
package httpbody
