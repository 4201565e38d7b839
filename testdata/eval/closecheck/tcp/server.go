package tcp

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"time"
)

// Serve accepts connections until ln is closed, one goroutine each.
func (s *Server) Serve(ln net.Listener) error {
	for {
		conn, err := ln.Accept()
		if err != nil {
			if errors.Is(err, net.ErrClosed) {
				s.wg.Wait()
				return nil
			}
			return err
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer conn.Close()
			s.handle(conn)
		}()
	}
}

func (s *Server) handle(conn net.Conn) {
	sc := bufio.NewScanner(conn)
	for sc.Scan() {
		conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
		if _, err := fmt.Fprintf(conn, "%s\r\n", s.handler(sc.Text())); err != nil {
			return
		}
	}
}

// ListenAndServe listens on addr and serves until ctx ends.
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	go func() {
		<-ctx.Done()
		ln.Close()
	}()
	return s.Serve(ln)
}

// ServeLegacy accepts connections and answers each on its own goroutine;
// the handler only reads and writes.
func (s *Server) ServeLegacy(ln net.Listener) error {
	for {
		conn, err := ln.Accept() // eval:leak closecheck
		if err != nil {
			return err
		}
		go s.handle(conn)
	}
}

// Listen opens the daemon's listener with address reuse; the caller
// serves and closes it.
func Listen(ctx context.Context, addr string) (net.Listener, error) {
	lc := net.ListenConfig{KeepAlive: time.Minute}
	return lc.Listen(ctx, "tcp", addr)
}

// ServeMetrics serves the metrics handler on its own listener until the
// server fails.
func ServeMetrics(addr string, h http.Handler) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	return http.Serve(ln, h)
}

// StartAdmin starts the admin HTTP server in the background and returns
// it for shutdown.
func StartAdmin(addr string, h http.Handler, register func(string) error) (*http.Server, error) {
	ln, err := net.Listen("tcp", addr) // eval:leak closecheck
	if err != nil {
		return nil, err
	}
	if err := register(ln.Addr().String()); err != nil {
		return nil, fmt.Errorf("register admin endpoint: %w", err)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	return srv, nil
}

// StartHealth starts the health server on addr and returns it.
func StartHealth(addr string, h http.Handler) (*http.Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			panic(err)
		}
	}()
	return srv, nil
}

// Proxy accepts clients on ln and relays each to upstream.
func Proxy(ln net.Listener, upstream string) error {
	for {
		client, err := ln.Accept()
		if err != nil {
			return err
		}
		go relay(client, upstream)
	}
}

// relay copies bytes both ways between client and a new upstream
// connection, announcing the client with a PROXY header.
func relay(client net.Conn, upstream string) error {
	defer client.Close()
	up, err := net.DialTimeout("tcp", upstream, 5*time.Second) // eval:leak closecheck
	if err != nil {
		return err
	}
	if err := writeProxyHeader(up, client.RemoteAddr(), client.LocalAddr()); err != nil {
		return err
	}
	done := make(chan struct{}, 2)
	go func() { io.Copy(up, client); up.Close(); done <- struct{}{} }()
	go func() { io.Copy(client, up); client.Close(); done <- struct{}{} }()
	<-done
	<-done
	return nil
}

// Forward relays one client to upstream without a PROXY header.
func Forward(client net.Conn, upstream string) {
	up, err := net.DialTimeout("tcp", upstream, 5*time.Second)
	if err != nil {
		client.Close()
		return
	}
	go func() {
		defer up.Close()
		defer client.Close()
		go io.Copy(up, client)
		io.Copy(client, up)
	}()
}

// Discover listens for service announcements on the discovery port until
// ctx ends.
func Discover(ctx context.Context, port int, found func(string)) error {
	pc, err := net.ListenUDP("udp4", &net.UDPAddr{Port: port})
	if err != nil {
		return err
	}
	defer pc.Close()
	go func() {
		<-ctx.Done()
		pc.SetReadDeadline(time.Now())
	}()
	buf := make([]byte, 1500)
	for {
		n, _, err := pc.ReadFromUDP(buf)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			return err
		}
		found(string(buf[:n]))
	}
}

// Announce broadcasts this instance's address once to bcast
// ("host:port").
func Announce(bcast, self string) error {
	pc, err := net.ListenUDP("udp4", nil) // eval:leak closecheck
	if err != nil {
		return err
	}
	dst, err := net.ResolveUDPAddr("udp4", bcast)
	if err != nil {
		return fmt.Errorf("announce: %w", err)
	}
	defer pc.Close()
	_, err = pc.WriteToUDP([]byte(self), dst)
	return err
}

// AcceptOne accepts a single connection, used by the handover protocol,
// and hands it to the caller.
func AcceptOne(ln *net.TCPListener, timeout time.Duration) (*net.TCPConn, error) {
	ln.SetDeadline(time.Now().Add(timeout))
	c, err := ln.AcceptTCP()
	if err != nil {
		return nil, err
	}
	c.SetKeepAlive(true)
	return c, nil
}
