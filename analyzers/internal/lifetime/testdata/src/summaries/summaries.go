package summaries

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync/atomic"
)

func Drain(resp *http.Response) { // want Drain:`lifetime\(releases param 0 always\)`
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
}

func Close[T io.Closer](c T) { // want Close:`lifetime\(releases param 0 always\)`
	_ = c.Close()
}

func CloseQuietly(c io.Closer) { // want CloseQuietly:`lifetime\(releases param 0 always\)`
	if c == nil {
		return
	}
	_ = c.Close()
}

func CheckStatus(resp *http.Response) error { // want CheckStatus:`lifetime\(releases param 0 on failure\)`
	if resp.StatusCode >= 300 {
		resp.Body.Close()
		return fmt.Errorf("unexpected status %d", resp.StatusCode)
	}
	return nil
}

func Fetch(c *http.Client, url string) (*http.Response, error) { // want Fetch:`lifetime\(returns owned http.Response in result 0\)`
	return c.Get(url)
}

type Client struct{ conn net.Conn }

func handshake(conn net.Conn) error {
	_, err := conn.Write([]byte("hello"))
	return err
}

func NewClient(conn net.Conn) (*Client, error) { // want NewClient:`lifetime\(keeps param 0 on success\)`
	if err := handshake(conn); err != nil {
		return nil, err
	}
	return &Client{conn: conn}, nil
}

func Inspect(resp *http.Response) int { return resp.StatusCode }

func Sometimes(c io.Closer, yes bool) {
	if yes {
		c.Close()
	}
}

func Recursive(c io.Closer, n int) error {
	if n == 0 {
		return errors.New("done")
	}
	return Recursive(c, n-1)
}

type CallOptions struct{ KeepBody bool }

// Call reads and closes the body unless the caller asks to keep it, and
// returns the response for its status and headers either way: whether the
// caller owns the body depends on an option, so no result is owned.
func Call(c *http.Client, req *http.Request, opts CallOptions) (*http.Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	if opts.KeepBody {
		return resp, nil
	}
	defer resp.Body.Close()
	_, err = io.Copy(io.Discard, resp.Body)
	return resp, err
}

// CallReleasedOnError closes the body only on the paths that also return an
// error, which callers do not look at: the successful response is owned.
func CallReleasedOnError(c *http.Client, url string) (*http.Response, error) { // want CallReleasedOnError:`lifetime\(returns owned http.Response in result 0\)`
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 300 {
		resp.Body.Close()
		return resp, fmt.Errorf("unexpected status %d", resp.StatusCode)
	}
	return resp, nil
}

// Head closes the body and returns the response for its headers on every
// path: nothing is owned.
func Head(c *http.Client, url string) (*http.Response, error) {
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return resp, nil
}

// Response embeds the response to add fields of its own; its callers close
// the body through the promoted field.
type Response struct {
	*http.Response
	Remaining int
}

func Wrapped(c *http.Client, req *http.Request) (*Response, error) { // want Wrapped:`lifetime\(returns owned http.Response in result 0\)`
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	return &Response{Response: resp}, nil
}

// WrappedClosed reads and closes the body before wrapping the response:
// nothing is owned.
func WrappedClosed(c *http.Client, req *http.Request) (*Response, error) {
	resp, err := c.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return &Response{Response: resp}, nil
}

// GetChecked returns the response of a failed status together with an
// error, its body open, for the caller to read the error details from.
func GetChecked(c *http.Client, url string) (*http.Response, error) { // want GetChecked:`lifetime\(returns owned http.Response in result 0, also with an error\)`
	resp, err := c.Get(url)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode >= 400 {
		return resp, fmt.Errorf("status %d", resp.StatusCode)
	}
	return resp, nil
}

type session struct{ conn net.Conn }

func (s *session) hello() error {
	_, err := s.conn.Write([]byte("hello"))
	return err
}

// NewSession closes the connection when its handshake fails and keeps it
// in the session it returns otherwise.
func NewSession(c net.Conn, ok bool) (io.Closer, <-chan int, error) { // want NewSession:`lifetime\(keeps param 0 always, not returned on failure\)`
	if !ok {
		c.Close()
		return nil, nil, errors.New("not configured")
	}
	s := &session{conn: c}
	if err := s.hello(); err != nil {
		c.Close()
		return nil, nil, err
	}
	return s, make(chan int), nil
}

// NewSessionEvenOnError returns the session holding the connection with the
// handshake's error: the caller must close it on that path too.
func NewSessionEvenOnError(c net.Conn) (*session, error) { // want NewSessionEvenOnError:`lifetime\(keeps param 0 always\)`
	s := &session{conn: c}
	if err := s.hello(); err != nil {
		return s, err
	}
	return s, nil
}

func (s *session) Close() error { return s.conn.Close() } // want Close:`lifetime\(releases param 0 always\)`

// CloseOnce may run from several goroutines: the first call closes the
// connection, later ones find the flag set and return.
func CloseOnce(c net.Conn, done *atomic.Bool) { // want CloseOnce:`lifetime\(releases param 0 always\)`
	if done.Swap(true) {
		return
	}
	c.Close()
}

// StopOnce is the same guard in its function form.
func StopOnce(c net.Conn, state *int32) { // want StopOnce:`lifetime\(releases param 0 always\)`
	if !atomic.CompareAndSwapInt32(state, 0, 1) {
		return
	}
	c.Close()
}

// CloseUnlessKept returns early on a flag that says nothing about an
// earlier release: the connection stays open then.
func CloseUnlessKept(c net.Conn, keep *atomic.Bool) {
	if keep.Load() {
		return
	}
	c.Close()
}

// CloseUnlessSwapped swaps the flag off, not on: its true result does not
// mean that an earlier call released anything.
func CloseUnlessSwapped(c net.Conn, keep *atomic.Bool) {
	if keep.Swap(false) {
		return
	}
	c.Close()
}

type wrapped struct {
	raw    net.Conn
	closed atomic.Bool
}

func (w *wrapped) Close() error { // want Close:`lifetime\(releases param 0 always\)`
	return w.raw.Close()
}

// Cleanup releases the connection the wrapper holds: once, and only when
// there is one.
func (w *wrapped) Cleanup() { // want Cleanup:`lifetime\(releases param 0 always\)`
	if w.closed.Swap(true) {
		return
	}
	conn := w.raw
	if conn == nil {
		return
	}
	conn.Close()
}

// MaybeClose releases it only when asked: no summary.
func (w *wrapped) MaybeClose(yes bool) {
	if yes {
		w.raw.Close()
	}
}

// Session wraps a connection (a type outside the resource table with a
// release method).
type Session struct {
	conn net.Conn
	done chan struct{}
}

func (s *Session) Close() error { return s.conn.Close() } // want Close:`lifetime\(releases param 0 always\)`

// Send releases the session on its failing return only.
func Send(s *Session, b []byte) error { // want Send:`lifetime\(releases param 0 on failure\)`
	if _, err := s.conn.Write(b); err != nil {
		s.Close()
		return err
	}
	return nil
}

// Quit releases its receiver only when the goodbye was written.
func (s *Session) Quit() error { // want Quit:`lifetime\(releases param 0 on success\)`
	if _, err := s.conn.Write([]byte("QUIT")); err != nil {
		return err
	}
	return s.Close()
}

// Pipe holds a session.
type Pipe struct{ s *Session }

func (p *Pipe) Close() error { return p.s.Close() } // want Close:`lifetime\(releases param 0 always\)`

// NewPipe keeps the session in the pipe it returns.
func NewPipe(s *Session) *Pipe { // want NewPipe:`lifetime\(keeps param 0 always\)`
	return &Pipe{s: s}
}

// Watch keeps its own receiver in a goroutine: the wrapper's own
// behaviour, not a hand-over, so no summary.
func (s *Session) Watch() {
	go func() {
		<-s.done
		s.conn.Close()
	}()
}

// Len only reads the session: no summary.
func Len(s *Session) int { return cap(s.done) }

// ReadToEnd reads r to its end on every path, and neither closes nor keeps
// it: its callers' bodies passed here are drained.
func ReadToEnd(r io.Reader) int64 { // want ReadToEnd:`lifetime\(reads param 0 to the end\)`
	n, _ := io.Copy(io.Discard, r)
	return n
}

// ReadOne reads one JSON value: no summary.
func ReadOne(r io.Reader, v any) error {
	return json.NewDecoder(r).Decode(v)
}

// SlurpBody reads the response's body to its end.
func SlurpBody(resp *http.Response) []byte { // want SlurpBody:`lifetime\(reads param 0 to the end\)`
	b, _ := io.ReadAll(resp.Body)
	return b
}

// FetchRead returns the response after reading its body to the end.
func FetchRead(c *http.Client, url string) (*http.Response, []byte, error) { // want FetchRead:`lifetime\(returns owned http.Response in result 0, read to the end\)`
	resp, err := c.Get(url)
	if err != nil {
		return nil, nil, err
	}
	b, err := io.ReadAll(resp.Body)
	return resp, b, err
}

// FetchDefault sends a request only when it is given no response to use.
func FetchDefault(resp *http.Response, url string) (*http.Response, error) { // want FetchDefault:`lifetime\(keeps param 0 always, not returned on failure; returns owned http.Response in result 0, only if param 0 is nil\)`
	if resp != nil {
		return resp, nil
	}
	return http.Get(url)
}

// FetchOrDefault passes its own parameter on: the same condition.
func FetchOrDefault(resp *http.Response) (*http.Response, error) { // want FetchOrDefault:`lifetime\(keeps param 0 always, not returned on failure; returns owned http.Response in result 0, only if param 0 is nil\)`
	return FetchDefault(resp, "http://example.com")
}

// Proxied is a client setting that routes requests through a proxy.
type Proxied interface {
	ProxyURL() string
}

// FetchVia sends a request only when its setting is a Proxied one with a
// proxy: the result is owned only for such settings.
func FetchVia(setting any, url string) (*http.Response, error) { // want FetchVia:`lifetime\(returns owned http.Response in result 0, only if param 0 is a summaries.Proxied\)`
	proxy := ""
	if p, ok := setting.(Proxied); ok {
		proxy = p.ProxyURL()
	}
	if proxy == "" {
		return nil, errors.New("no proxy")
	}
	return http.Get(url)
}

// FetchViaSetting passes its own parameter on: the same condition.
func FetchViaSetting(setting any) (*http.Response, error) { // want FetchViaSetting:`lifetime\(returns owned http.Response in result 0, only if param 0 is a summaries.Proxied\)`
	return FetchVia(setting, "http://example.com")
}

// FetchViaNothing passes a setting that is no Proxied: nothing owned.
func FetchViaNothing() (*http.Response, error) {
	return FetchVia(42, "http://example.com")
}

// FetchViaAny sends a request whatever the setting's type.
func FetchViaAny(setting any, url string) (*http.Response, error) { // want FetchViaAny:`lifetime\(returns owned http.Response in result 0\)`
	if _, ok := setting.(Proxied); ok {
		url = "http://proxy.example.com"
	}
	return http.Get(url)
}

// FetchAlways passes nil: the condition holds at every call.
func FetchAlways() (*http.Response, error) { // want FetchAlways:`lifetime\(returns owned http.Response in result 0\)`
	return FetchDefault(nil, "http://example.com")
}

// drainOrKeep closes the body only when told to: it has no summary for
// the body.
func drainOrKeep(resp *http.Response, closeBody bool) error {
	if closeBody {
		defer resp.Body.Close()
	}
	if resp.StatusCode != 200 {
		return errors.New("status")
	}
	return nil
}

// CheckAndClose passes the flag as true: it closes the body on every
// return.
func CheckAndClose(resp *http.Response) error { // want CheckAndClose:`lifetime\(releases param 0 always\)`
	return drainOrKeep(resp, true)
}

// CheckOnly passes false: no summary for the body.
func CheckOnly(resp *http.Response) error {
	return drainOrKeep(resp, false)
}

type sinkLogger struct{ out io.Writer }

func (l *sinkLogger) setOutput(w io.Writer) { l.out = w }

var stdSink = &sinkLogger{}

// SetSink keeps its writer in a package-level logger, through a method
// called on it.
func SetSink(w io.Writer) { // want SetSink:`lifetime\(keeps param 0 in a package variable\)`
	stdSink.setOutput(w)
}

// NewSinkLogger keeps its writer in the logger it returns: no summary.
func NewSinkLogger(w io.Writer) *sinkLogger {
	l := &sinkLogger{}
	l.setOutput(w)
	return l
}
