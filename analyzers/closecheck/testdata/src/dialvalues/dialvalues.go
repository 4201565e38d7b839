// Package dialvalues dials through function values: a variable set to a
// method value of a dialer, or to a function, and called later.
package dialvalues

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"net/http"
	"os"
)

func send(c net.Conn) error { return nil }

// The dialer is chosen once, as a method value of one of two dialers,
// and a handler literal calls it: the connection leaks when the first
// write fails.
func handler(conf *tls.Config, addr string) http.Handler {
	var dial func(ctx context.Context, network, addr string) (net.Conn, error)
	if conf != nil {
		d := tls.Dialer{Config: conf}
		dial = d.DialContext
	}
	if dial == nil {
		var d net.Dialer
		dial = d.DialContext
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		out, err := dial(r.Context(), "tcp", addr) // want `connection from dial is not closed when returning at line \d+`
		if err != nil {
			return
		}
		if err := r.Write(out); err != nil {
			return
		}
		out.Close()
	})
}

// A local variable holding a function of the table.
func openVar(name string) ([]byte, error) {
	open := os.Open
	f, err := open(name) // want `file from open is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	buf := make([]byte, 16)
	if _, err := f.Read(buf); err != nil {
		return nil, err
	}
	return buf, f.Close()
}

// The fixed handler closes the connection on every return.
func handlerFixed(conf *tls.Config, addr string) http.Handler {
	var dial func(ctx context.Context, network, addr string) (net.Conn, error)
	if conf != nil {
		d := tls.Dialer{Config: conf}
		dial = d.DialContext
	}
	if dial == nil {
		var d net.Dialer
		dial = d.DialContext
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		out, err := dial(r.Context(), "tcp", addr)
		if err != nil {
			return
		}
		defer out.Close()
		_ = r.Write(out)
	})
}

// The dial function is the caller's: it may hand out a connection the
// caller keeps (a pool's), so the call is not taken as an acquisition.
func dialParam(dial func(ctx context.Context, network, addr string) (net.Conn, error), addr string) error {
	c, err := dial(context.Background(), "tcp", addr)
	if err != nil {
		return err
	}
	return send(c)
}

type client struct {
	dial func(ctx context.Context, network, addr string) (net.Conn, error)
}

// A function-typed field may be set by anyone: silent.
func (cl *client) ping(addr string) error {
	c, err := cl.dial(context.Background(), "tcp", addr)
	if err != nil {
		return err
	}
	return send(c)
}

// One of the values is a literal of the package, which is not a table
// acquirer: silent.
func mixed(plain bool, addr string) error {
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		return nil, errors.New("offline")
	}
	if !plain {
		var d net.Dialer
		dial = d.DialContext
	}
	c, err := dial(context.Background(), "tcp", addr)
	if err != nil {
		return err
	}
	return send(c)
}

// A method value that is not an acquirer: silent.
func notAcquirer(addr string) error {
	var r net.Resolver
	lookup := r.LookupHost
	_, err := lookup(context.Background(), addr)
	return err
}
