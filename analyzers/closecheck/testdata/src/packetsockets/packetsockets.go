// Package packetsockets: the sockets of net.ListenPacket, a ListenConfig's
// ListenPacket, the Unix and raw IP constructors and a Unix listener's
// Accept hold a descriptor (and a port or a socket path) until Close, like
// those of net.ListenUDP and net.Listen.
package packetsockets

import (
	"context"
	"net"
)

func setOptions(u *net.UDPConn) error {
	return u.SetReadBuffer(1 << 20)
}

// The shape of a DNS server's ListenAndServe: the socket is dropped when
// setting its options fails.
func Serve(addr string, serve func(*net.UDPConn) error) error {
	l, err := net.ListenPacket("udp", addr) // want `socket from net.ListenPacket is not closed when returning at line 25`
	if err != nil {
		return err
	}
	u := l.(*net.UDPConn)
	if err := setOptions(u); err != nil {
		return err
	}
	return serve(u)
}

// Closed on the options' failure, handed to serve otherwise.
func ServeFixed(addr string, serve func(*net.UDPConn) error) error {
	l, err := net.ListenPacket("udp", addr)
	if err != nil {
		return err
	}
	u := l.(*net.UDPConn)
	if err := setOptions(u); err != nil {
		u.Close()
		return err
	}
	return serve(u)
}

func listen(network, addr string) (net.PacketConn, error) {
	var lc net.ListenConfig
	return lc.ListenPacket(context.Background(), network, addr)
}

// Through a helper that returns a ListenConfig's socket.
func Probe(addr string) (net.Addr, error) {
	pc, err := listen("udp", addr) // want `socket from listen is not closed when returning at line 57`
	if err != nil {
		return nil, err
	}
	u := pc.(*net.UDPConn)
	if err := setOptions(u); err != nil {
		return nil, err
	}
	return u.LocalAddr(), u.Close()
}

// The same, released on every path.
func ProbeFixed(addr string) (net.Addr, error) {
	pc, err := listen("udp", addr)
	if err != nil {
		return nil, err
	}
	defer pc.Close()
	return pc.LocalAddr(), nil
}

// A socket returned to the caller is the caller's.
func Open(addr string) (net.PacketConn, error) {
	var lc net.ListenConfig
	return lc.ListenPacket(context.Background(), "udp", addr)
}

func LocalUnix(path string) (string, error) {
	c, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"}) // want `connection from net.ListenUnixgram is not closed when returning at line 83`
	if err != nil {
		return "", err
	}
	return c.LocalAddr().String(), nil
}

func LocalUnixFixed(path string) (string, error) {
	c, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		return "", err
	}
	defer c.Close()
	return c.LocalAddr().String(), nil
}

func Greet(path string) error {
	c, err := net.DialUnix("unix", nil, &net.UnixAddr{Name: path, Net: "unix"}) // want `connection from net.DialUnix is not closed when returning at line 101`
	if err != nil {
		return err
	}
	if _, err := c.Write([]byte("hello")); err != nil {
		return err
	}
	return c.Close()
}

func GreetFixed(path string) error {
	c, err := net.DialUnix("unix", nil, &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return err
	}
	defer c.Close()
	_, err = c.Write([]byte("hello"))
	return err
}

// One accepted connection read and dropped: a Unix listener's Accept is the
// caller's to close.
func First(l *net.UnixListener) ([]byte, error) {
	c, err := l.AcceptUnix() // want `connection from l.AcceptUnix is not closed when returning at line 125`
	if err != nil {
		return nil, err
	}
	buf := make([]byte, 16)
	n, err := c.Read(buf)
	return buf[:n], err
}

func FirstFixed(l *net.UnixListener) ([]byte, error) {
	c, err := l.AcceptUnix()
	if err != nil {
		return nil, err
	}
	defer c.Close()
	buf := make([]byte, 16)
	n, err := c.Read(buf)
	return buf[:n], err
}

// A Unix listener kept by the server it is handed to.
type server struct{ l *net.UnixListener }

func NewServer(path string) (*server, error) {
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"})
	if err != nil {
		return nil, err
	}
	return &server{l: l}, nil
}

func Bind(path string, check func() error) error {
	l, err := net.ListenUnix("unix", &net.UnixAddr{Name: path, Net: "unix"}) // want `listener from net.ListenUnix is not closed when returning at line 156`
	if err != nil {
		return err
	}
	if err := check(); err != nil {
		return err
	}
	return l.Close()
}
