package handshakes

import (
	"context"
	"crypto/tls"
	"net"
)

// tls.Dial returns only handshaken connections: the second handshake
// returns nil, so its failure branch does not leak the connection.
func handshakeAfterDial(addr string) (net.Conn, error) {
	tc, err := tls.Dial("tcp", addr, &tls.Config{})
	if err != nil {
		return nil, err
	}
	if err := tc.Handshake(); err != nil {
		return nil, err
	}
	return tc, nil
}

// The same through a Dialer, whose connection is asserted to *tls.Conn.
func handshakeAfterDialer(ctx context.Context, d *tls.Dialer, addr string) (net.Conn, error) {
	c, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	if err := c.(*tls.Conn).HandshakeContext(ctx); err != nil {
		return nil, err
	}
	return c, nil
}

// tls.Client does not handshake: its first handshake can fail, and that
// branch leaks the connection.
func handshakeAfterClient(addr string) (net.Conn, error) {
	raw, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line 43`
	if err != nil {
		return nil, err
	}
	tc := tls.Client(raw, &tls.Config{})
	if err := tc.Handshake(); err != nil {
		return nil, err
	}
	return tc, nil
}
