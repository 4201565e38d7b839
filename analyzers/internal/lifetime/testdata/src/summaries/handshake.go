package summaries

import (
	"context"
	"crypto/tls"
	"net"
	"time"
)

// A deferred call gives the function a recover block, which returns what
// the results hold: with unnamed results that is what a return statement
// stored, so the failing return alone decides that conn is not handed
// back on failure.
func SecureWithTimeout(ctx context.Context, conn net.Conn, config *tls.Config, timeout time.Duration) (*tls.Conn, error) { // want SecureWithTimeout:`lifetime\(keeps param 1 always, not returned on failure\)`
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

// With named results a deferred call may set them after the failing
// return stored its own: the recover block is not judged from the
// returns.
func SecureNamed(ctx context.Context, conn net.Conn, config *tls.Config) (tc *tls.Conn, err error) { // want SecureNamed:`lifetime\(keeps param 1 always\)`
	defer func() {
		if recover() != nil {
			err = nil
		}
	}()
	tc = tls.Client(conn, config)
	if err = tc.HandshakeContext(ctx); err != nil {
		_ = conn.Close()
		return nil, err
	}
	return tc, nil
}
