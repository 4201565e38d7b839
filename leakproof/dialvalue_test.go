package leakproof

import (
	"context"
	"net"
	"testing"
	"time"
)

// awaitHello waits briefly for the server's first byte.
func awaitHello(c net.Conn) error {
	c.SetReadDeadline(time.Now().Add(100 * time.Millisecond))
	_, err := c.Read(make([]byte, 1))
	return err
}

// dialValueLeaky dials through a variable holding a dialer's method
// value, the shape of analyzers/closecheck/testdata/src/dialvalues, and
// returns without closing the connection when the greeting does not come.
func dialValueLeaky(addr string) (net.Conn, error) {
	var d net.Dialer
	dial := d.DialContext
	c, err := dial(context.Background(), "tcp", addr) //nolint:closecheck // the leak this test measures
	if err != nil {
		return nil, err
	}
	if err := awaitHello(c); err != nil {
		return nil, err
	}
	return c, nil
}

// dialValueFixed closes it on that path.
func dialValueFixed(addr string) (net.Conn, error) {
	var d net.Dialer
	dial := d.DialContext
	c, err := dial(context.Background(), "tcp", addr)
	if err != nil {
		return nil, err
	}
	if err := awaitHello(c); err != nil {
		c.Close()
		return nil, err
	}
	return c, nil
}

// TestDialThroughValue: a connection dialled through a function value is
// held as one dialled directly: left open on the failing path, the
// server's side of it reads no end of stream; closed there, it does.
func TestDialThroughValue(t *testing.T) {
	leakyKeepsServerWaiting(t, dialValueLeaky, dialValueFixed, func(c net.Conn) { c.Close() })
}
