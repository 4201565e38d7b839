package tcp

import (
	"bufio"
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"net"
	"strings"
	"time"
)

// Get fetches one key from the cache daemon over a fresh connection.
func Get(addr, key string) (string, error) {
	conn, err := net.DialTimeout("tcp", addr, 3*time.Second)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(5 * time.Second))
	if _, err := fmt.Fprintf(conn, "GET %s\r\n", key); err != nil {
		return "", err
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// Set stores a key over a fresh connection.
func Set(addr, key, value string) error {
	conn, err := net.DialTimeout("tcp", addr, 3*time.Second) // eval:leak closecheck
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(conn, "SET %s %s\r\n", key, value); err != nil {
		return err
	}
	line, err := bufio.NewReader(conn).ReadString('\n')
	conn.Close()
	if err != nil {
		return err
	}
	if !strings.HasPrefix(line, "OK") {
		return fmt.Errorf("%w: %q", ErrProtocol, line)
	}
	return nil
}

// Dial connects and greets the daemon.
func Dial(ctx context.Context, addr, name string) (*Client, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, err
	}
	if err := hello(conn, name); err != nil {
		conn.Close()
		return nil, fmt.Errorf("greeting %s: %w", addr, err)
	}
	return &Client{conn: conn, r: bufio.NewReader(conn)}, nil
}

// DialTLS connects over TLS and greets the daemon.
func DialTLS(ctx context.Context, addr, name string, cfg *tls.Config) (*Client, error) {
	d := net.Dialer{KeepAlive: 30 * time.Second}
	raw, err := d.DialContext(ctx, "tcp", addr) // eval:leak closecheck
	if err != nil {
		return nil, err
	}
	conn := tls.Client(raw, cfg)
	if err := conn.HandshakeContext(ctx); err != nil {
		return nil, fmt.Errorf("tls handshake with %s: %w", addr, err)
	}
	if err := hello(conn, name); err != nil {
		conn.Close()
		return nil, err
	}
	return &Client{conn: conn, r: bufio.NewReader(conn)}, nil
}

// Get returns an idle connection or dials a new one; the caller hands it
// back with Put.
func (p *Pool) Get(ctx context.Context) (net.Conn, error) {
	p.mu.Lock()
	if n := len(p.idle); n > 0 {
		c := p.idle[n-1]
		p.idle = p.idle[:n-1]
		p.mu.Unlock()
		return c, nil
	}
	p.mu.Unlock()
	return p.d.DialContext(ctx, "tcp", p.addr)
}

// Prewarm dials n connections into the idle list.
func (p *Pool) Prewarm(ctx context.Context, n int) error {
	for range n {
		c, err := p.d.DialContext(ctx, "tcp", p.addr)
		if err != nil {
			return err
		}
		p.mu.Lock()
		p.idle = append(p.idle, c)
		p.mu.Unlock()
	}
	return nil
}

// Ping checks the daemon with a pooled connection.
func (p *Pool) Ping(ctx context.Context) error {
	c, err := p.Get(ctx) // eval:leak closecheck
	if err != nil {
		return err
	}
	c.SetDeadline(time.Now().Add(time.Second))
	if _, err := io.WriteString(c, "PING\r\n"); err != nil {
		return err
	}
	buf := make([]byte, 6)
	if _, err := io.ReadFull(c, buf); err != nil {
		c.Close()
		return err
	}
	c.SetDeadline(time.Time{})
	p.Put(c)
	return nil
}

// Reachable reports whether something accepts TCP connections at addr.
func Reachable(addr string, timeout time.Duration) bool {
	conn, err := net.DialTimeout("tcp", addr, timeout)
	if err != nil {
		return false
	}
	conn.Close()
	return true
}

// WaitForPort waits until addr accepts connections.
func WaitForPort(ctx context.Context, addr string) error {
	var d net.Dialer
	for {
		_, err := d.DialContext(ctx, "tcp", addr) // eval:leak closecheck
		if err == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// CertExpiry returns when the certificate served at addr expires.
func CertExpiry(addr string) (time.Time, error) {
	conn, err := tls.DialWithDialer(&net.Dialer{Timeout: 5 * time.Second}, "tcp", addr, &tls.Config{})
	if err != nil {
		return time.Time{}, err
	}
	defer conn.Close()
	certs := conn.ConnectionState().PeerCertificates
	if len(certs) == 0 {
		return time.Time{}, fmt.Errorf("%s: no certificate", addr)
	}
	return certs[0].NotAfter, nil
}

// Issuer returns the issuing organisation of the certificate served at
// addr. It inspects the certificate, so it does not verify it.
func Issuer(addr string) (string, error) {
	conn, err := tls.Dial("tcp", addr, &tls.Config{InsecureSkipVerify: true}) // eval:leak closecheck
	if err != nil {
		return "", err
	}
	var leaf *x509.Certificate = conn.ConnectionState().PeerCertificates[0]
	if len(leaf.Issuer.Organization) == 0 {
		return "", fmt.Errorf("%s: issuer %q has no organisation", addr, leaf.Issuer.CommonName)
	}
	conn.Close()
	return leaf.Issuer.Organization[0], nil
}

// Gauge sends one statsd gauge.
func Gauge(addr, name string, value float64) error {
	conn, err := net.Dial("udp", addr) // eval:leak closecheck
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(conn, "%s:%g|g", name, value)
	return err
}

// Count sends one statsd counter increment.
func Count(addr, name string, n int) error {
	conn, err := net.Dial("udp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = fmt.Fprintf(conn, "%s:%d|c", name, n)
	return err
}

// AdminCommand sends a command to the daemon's local admin socket.
func AdminCommand(sock, cmd string) (string, error) {
	conn, err := net.Dial("unix", sock)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, cmd+"\n"); err != nil {
		return "", err
	}
	out, err := io.ReadAll(conn)
	return string(out), err
}

// Stats asks the daemon for its statistics.
func Stats(ctx context.Context, addr, token string) (map[string]string, error) {
	var d net.Dialer
	conn, err := d.DialContext(ctx, "tcp", addr) // eval:leak closecheck
	if err != nil {
		return nil, err
	}
	if _, err := fmt.Fprintf(conn, "AUTH %s\r\n", token); err != nil {
		return nil, err
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, "STATS\r\n"); err != nil {
		return nil, err
	}
	out := map[string]string{}
	sc := bufio.NewScanner(conn)
	for sc.Scan() {
		line := sc.Text()
		if line == "END" {
			return out, nil
		}
		k, v, _ := strings.Cut(line, " ")
		out[k] = v
	}
	return out, sc.Err()
}
