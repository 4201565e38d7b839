package leakproof

import (
	"errors"
	"net"
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

var errOptions = errors.New("setting the socket options failed")

// servePacketsLeaky has the shape of a DNS server's ListenAndServe before
// its fix: the socket net.ListenPacket bound is dropped when setting its
// options fails.
func servePacketsLeaky(addr string, setOptions func(*net.UDPConn) error) error {
	l, err := net.ListenPacket("udp", addr) //nolint:closecheck // the leak this test measures
	if err != nil {
		return err
	}
	u := l.(*net.UDPConn)
	if err := setOptions(u); err != nil {
		return err
	}
	return u.Close()
}

// servePacketsFixed closes the socket where its options fail.
func servePacketsFixed(addr string, setOptions func(*net.UDPConn) error) error {
	l, err := net.ListenPacket("udp", addr)
	if err != nil {
		return err
	}
	u := l.(*net.UDPConn)
	if err := setOptions(u); err != nil {
		u.Close()
		return err
	}
	return u.Close()
}

// freeUDPAddr returns a loopback UDP address no socket is bound to.
func freeUDPAddr(t *testing.T) string {
	t.Helper()
	c, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := c.LocalAddr().String()
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	return addr
}

// TestPacketSocketPort: the socket servePacketsLeaky drops keeps its port
// bound, so binding it again fails until a garbage collection runs the
// socket's finalizer; servePacketsFixed leaves the port free. The
// collector is off while the port is probed (as in TestCloseFile) so that
// the figure is the leak's, not the collector's timing.
func TestPacketSocketPort(t *testing.T) {
	failOptions := func(*net.UDPConn) error { return errOptions }
	defer debug.SetGCPercent(debug.SetGCPercent(-1))

	t.Run("leaky", func(t *testing.T) {
		addr := freeUDPAddr(t)
		if err := servePacketsLeaky(addr, failOptions); !errors.Is(err, errOptions) {
			t.Fatalf("servePacketsLeaky: %v, want the options error", err)
		}
		c, err := net.ListenPacket("udp", addr)
		if err == nil {
			c.Close()
			t.Fatalf("%s could be bound again: the dropped socket released it", addr)
		}
		t.Logf("after the leaky call, binding %s again: %v", addr, err)
		// Only a collection (the socket's finalizer, which runs on a
		// goroutine of its own) gives the port back.
		for range 100 {
			runtime.GC()
			if c, err = net.ListenPacket("udp", addr); err == nil {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		if err != nil {
			t.Fatalf("after collections, binding %s still fails: %v", addr, err)
		}
		c.Close()
	})

	t.Run("fixed", func(t *testing.T) {
		addr := freeUDPAddr(t)
		if err := servePacketsFixed(addr, failOptions); !errors.Is(err, errOptions) {
			t.Fatalf("servePacketsFixed: %v, want the options error", err)
		}
		c, err := net.ListenPacket("udp", addr)
		if err != nil {
			t.Fatalf("binding %s after the fixed call: %v", addr, err)
		}
		c.Close()
	})
}
