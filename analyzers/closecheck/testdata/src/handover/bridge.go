package handover

import (
	"io"
	"net"
	"os/exec"
	"time"
)

// pipeConn is a connection over a child process's pipes: Close closes
// them and waits for the process.
type pipeConn struct {
	cmd *exec.Cmd
	r   io.ReadCloser
	w   io.WriteCloser
}

func (p pipeConn) Read(b []byte) (int, error)       { return p.r.Read(b) }
func (p pipeConn) Write(b []byte) (int, error)      { return p.w.Write(b) }
func (p pipeConn) LocalAddr() net.Addr              { return nil }
func (p pipeConn) RemoteAddr() net.Addr             { return nil }
func (p pipeConn) SetDeadline(time.Time) error      { return nil }
func (p pipeConn) SetReadDeadline(time.Time) error  { return nil }
func (p pipeConn) SetWriteDeadline(time.Time) error { return nil }
func (p pipeConn) Close() error {
	p.r.Close()
	p.w.Close()
	return p.cmd.Wait()
}

// Wrapped keeps a connection until its Close.
type Wrapped struct{ conn net.Conn }

func wrap(c net.Conn) *Wrapped  { return &Wrapped{conn: c} }
func (w *Wrapped) Close() error { return w.conn.Close() }

type Connection struct {
	conn *Wrapped
	addr string
}

func (c *Connection) Close() error { return c.conn.Close() }

// The command is wrapped, in a struct value, before it starts: the
// returned Connection holds the process once it runs.
func NewBridge(bridge string) (*Connection, error) {
	c := Connection{}
	cmd := exec.Command("sh", "-c", bridge)
	r, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	w, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	c.conn = wrap(pipeConn{cmd, r, w})
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return &c, nil
}

// The wrapper itself returned.
func startWrapped(name string) (*Wrapped, error) {
	cmd := exec.Command(name)
	w := wrap(pipeConn{cmd: cmd})
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return w, nil
}

// The wrapper built before the start is dropped: nothing waits for the
// process.
func startWrapperDropped(name string) error {
	cmd := exec.Command(name)
	w := wrap(pipeConn{cmd: cmd})
	if err := cmd.Start(); err != nil { // want `process from cmd.Start is never waited for \(it stays a zombie\) when returning at line 83`
		return err
	}
	_ = w.conn.LocalAddr()
	return nil
}
