package production

import (
	"crypto/tls"
	"errors"
	"net"
)

// fasthttp's ListenAndServeTLS: ServeTLS wraps the listener in
// tls.NewListener and lends the wrapper to Serve, which appends it to a
// field (a variadic append: the value is first stored into the local
// argument array); on failure ServeTLS returns before, and the caller
// closes the listener.
type tlsServer struct {
	lns []net.Listener
}

func (s *tlsServer) listenAndServeTLS(addr string, bad bool) error {
	ln, err := net.Listen("tcp4", addr)
	if err != nil {
		return err
	}
	if err := s.serveTLS(ln, bad); err != nil {
		_ = ln.Close()
		return err
	}
	return nil
}

func (s *tlsServer) serveTLS(ln net.Listener, bad bool) error {
	if bad {
		return errors.New("no certificate")
	}
	return s.serve(tls.NewListener(ln, &tls.Config{}))
}

func (s *tlsServer) serve(ln net.Listener) error {
	s.lns = append(s.lns, ln)
	return nil
}

// A server whose serve only looks at the listener keeps nothing of it:
// the listener is left open on the success path.
type peekServer struct{ addr string }

func (s *peekServer) listenAndServeTLS(addr string, bad bool) error {
	ln, err := net.Listen("tcp4", addr) // want `listener from net.Listen is not closed when returning at line 55`
	if err != nil {
		return err
	}
	if err := s.serveTLS(ln, bad); err != nil {
		_ = ln.Close()
		return err
	}
	return nil
}

func (s *peekServer) serveTLS(ln net.Listener, bad bool) error {
	if bad {
		return errors.New("no certificate")
	}
	return s.serve(tls.NewListener(ln, &tls.Config{}))
}

func (s *peekServer) serve(ln net.Listener) error {
	s.addr = ln.Addr().String()
	return nil
}
