package rpc

import (
	"encoding/json"
	"errors"
	"net"
)

// Serve answers requests on every connection accepted from l until l is
// closed.
func (s *Server) Serve(l net.Listener) error {
	for {
		conn, err := l.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				return nil
			}
			return err
		}
		// Ends when the peer goes away and the read fails.
		go s.ServeConn(conn)
	}
}

// ServeConn answers requests on conn, writing responses from a separate
// goroutine so a slow handler's reply does not hold up decoding.
func (s *Server) ServeConn(conn net.Conn) {
	defer conn.Close()
	replies := make(chan *Response, 16)
	// replies is never closed: when the peer hangs up and the read loop
	// returns, the writer waits in its range forever.
	go func() { // eval:leak goroutineleak
		enc := json.NewEncoder(conn)
		for r := range replies {
			if err := enc.Encode(r); err != nil {
				// Fail the read loop too; keep draining so it never
				// waits on a full buffer.
				conn.Close()
			}
		}
	}()
	dec := json.NewDecoder(conn)
	for {
		var req Request
		if err := dec.Decode(&req); err != nil {
			return
		}
		replies <- s.dispatch(&req)
	}
}

// ServeConnPipelined is ServeConn with the writer shut down properly.
func (s *Server) ServeConnPipelined(conn net.Conn) {
	replies := make(chan *Response, 16)
	written := make(chan struct{})
	// The range ends when the read loop closes replies. After a write
	// error the writer closes conn, which makes the read loop fail too,
	// and keeps draining so the reader never waits on a full buffer.
	go func() {
		defer close(written)
		enc := json.NewEncoder(conn)
		failed := false
		for r := range replies {
			if failed {
				continue
			}
			if err := enc.Encode(r); err != nil {
				failed = true
				conn.Close()
			}
		}
	}()
	dec := json.NewDecoder(conn)
	for {
		var req Request
		if err := dec.Decode(&req); err != nil {
			break
		}
		replies <- s.dispatch(&req)
	}
	close(replies)
	<-written
	conn.Close()
}
