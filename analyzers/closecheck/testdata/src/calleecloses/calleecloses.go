// Package calleecloses hands a connection to a function that closes it
// when it fails and keeps it in the value it returns otherwise.
package calleecloses

import (
	"context"
	"crypto/tls"
	"net"
	"time"
)

// secure completes the TLS handshake and closes conn on failure.
func secure(ctx context.Context, conn net.Conn, config *tls.Config, timeout time.Duration) (*tls.Conn, error) {
	if timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, timeout)
		defer cancel()
	}
	tc := tls.Client(conn, config)
	if err := tc.HandshakeContext(ctx); err != nil {
		_ = conn.Close()
		return nil, err
	}
	return tc, nil
}

// secureLeaky returns the handshake's error without closing conn.
func secureLeaky(ctx context.Context, conn net.Conn, config *tls.Config) (*tls.Conn, error) {
	tc := tls.Client(conn, config)
	if err := tc.HandshakeContext(ctx); err != nil {
		return nil, err
	}
	return tc, nil
}

type wrapped struct{ conn net.Conn }

func (w *wrapped) Close() error { return w.conn.Close() }

// The connection variable is reassigned to the secured connection; where
// securing fails, secure has closed the plain one.
func dialSecure(ctx context.Context, addr string, config *tls.Config) (*wrapped, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	if config != nil {
		conn, err = secure(ctx, conn, config, time.Second)
		if err != nil {
			return nil, err
		}
	}
	return &wrapped{conn: conn}, nil
}

// The same with the callee that leaves conn open on failure.
func dialSecureLeaky(ctx context.Context, addr string, config *tls.Config) (*wrapped, error) {
	conn, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line 65`
	if err != nil {
		return nil, err
	}
	if config != nil {
		conn, err = secureLeaky(ctx, conn, config)
		if err != nil {
			return nil, err
		}
	}
	return &wrapped{conn: conn}, nil
}
