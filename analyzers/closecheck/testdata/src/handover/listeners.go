package handover

import (
	"errors"
	"fmt"
	"net"
	"sync"
)

var errClosed = errors.New("server closed")

// ListenServer keeps the listeners it serves until its Close, which
// closes them; once closed, it takes no new one.
type ListenServer struct {
	mu        sync.Mutex
	listeners map[net.Listener]struct{}
	closed    bool
}

func (s *ListenServer) Serve(ln net.Listener) error {
	s.mu.Lock()
	ok := !s.closed
	if ok {
		s.listeners[ln] = struct{}{}
	}
	s.mu.Unlock()
	if !ok {
		return errClosed
	}
	defer func() {
		s.mu.Lock()
		delete(s.listeners, ln)
		s.mu.Unlock()
	}()
	for {
		conn, err := ln.Accept()
		if errors.Is(err, net.ErrClosed) {
			return nil
		} else if err != nil {
			return fmt.Errorf("accept: %w", err)
		}
		go newConn(conn, nil).serve()
	}
}

func (s *ListenServer) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return errClosed
	}
	s.closed = true
	for l := range s.listeners {
		l.Close()
	}
	return nil
}

func (s *ListenServer) ListenAndServe(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return s.Serve(ln)
}

// PausingServer refuses listeners while paused, a state its Close does
// not set: a refused listener is the caller's still.
type PausingServer struct {
	mu        sync.Mutex
	listeners map[net.Listener]struct{}
	paused    bool
}

func (s *PausingServer) Pause() { s.mu.Lock(); s.paused = true; s.mu.Unlock() }

func (s *PausingServer) Serve(ln net.Listener) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.paused {
		return errors.New("paused")
	}
	s.listeners[ln] = struct{}{}
	return nil
}

func (s *PausingServer) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for l := range s.listeners {
		l.Close()
	}
	return nil
}

func (s *PausingServer) ListenAndServe(addr string) error {
	ln, err := net.Listen("tcp", addr) // want `listener from net.Listen is not closed when returning at line 101`
	if err != nil {
		return err
	}
	return s.Serve(ln)
}
