// Package cleanupiface has test-server helpers that take an interface of
// their own for the test and register the server's Stop with its Cleanup
// when the value they are given has one: a caller passing the running
// test's handle gets a server the test stops; any other caller owns it.
package cleanupiface

import (
	"net/http"
	"net/http/httptest"
)

// TestingT is what the helpers need of a test; *testing.T has it.
type TestingT interface {
	Errorf(format string, args ...any)
	FailNow()
}

// CleanupT is the part of a test that runs a function at its end.
type CleanupT interface{ Cleanup(func()) }

type Provider struct {
	srv *httptest.Server
}

// Addr is where the server listens.
func (p *Provider) Addr() string { return p.srv.URL }

// Stop stops the server.
func (p *Provider) Stop() { p.srv.Close() }

// Start registers Stop with t's Cleanup when t has one.
func Start(t TestingT) *Provider {
	p := &Provider{srv: httptest.NewServer(http.NotFoundHandler())}
	if c, ok := t.(CleanupT); ok {
		c.Cleanup(p.Stop)
	}
	return p
}

// StartLit registers a function literal that stops the server.
func StartLit(t TestingT) *Provider {
	p := &Provider{srv: httptest.NewServer(http.NotFoundHandler())}
	if c, ok := t.(CleanupT); ok {
		c.Cleanup(func() { p.Stop() })
	}
	return p
}

// StartPlain registers nothing: its caller stops the server.
func StartPlain(t TestingT) *Provider {
	return &Provider{srv: httptest.NewServer(http.NotFoundHandler())}
}

// Logger is a TestingT without Cleanup: nothing is registered for it.
type Logger struct{}

func (Logger) Errorf(string, ...any) {}
func (Logger) FailNow()              {}

// Cleaner has a Cleanup that is not a test's: it only collects.
type Cleaner struct{ fns []func() }

func (c *Cleaner) Errorf(string, ...any) {}
func (c *Cleaner) FailNow()              {}
func (c *Cleaner) Cleanup(f func())      { c.fns = append(c.fns, f) }

func serveWithLogger() {
	p := Start(Logger{}) // want `from Start is not closed`
	_ = p.Addr()
}

func serveWithCleaner() {
	p := Start(&Cleaner{}) // want `from Start is not closed`
	_ = p.Addr()
}

func serveAndStop() {
	p := Start(Logger{})
	defer p.Stop()
}
