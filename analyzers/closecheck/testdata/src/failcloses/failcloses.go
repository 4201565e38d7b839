// Package failcloses: calls that release their receiver or an argument
// before each of their error returns.
package failcloses

import (
	"errors"
	"net"

	"failcloses/proto"
)

type Client struct {
	conn net.Conn
}

func Dial(addr string) (*Client, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	return &Client{conn: conn}, nil
}

func (c *Client) Close() error { return c.conn.Close() }

func (c *Client) cmd(s string) error {
	_, err := c.conn.Write([]byte(s))
	return err
}

// Quit returns nil only after closing the connection.
func (c *Client) Quit() error {
	if err := c.cmd("QUIT"); err != nil {
		return err
	}
	return c.conn.Close()
}

var errRefused = errors.New("refused")

// Auth says goodbye before each of its error returns.
func (c *Client) Auth(user string) error {
	if user == "" {
		c.Quit()
		return errRefused
	}
	if err := c.cmd("AUTH " + user); err != nil {
		c.cmd("*")
		c.Quit()
		return err
	}
	return nil
}

// AuthDirect closes the connection before each of its error returns.
func (c *Client) AuthDirect(user string) error {
	if err := c.cmd("AUTH " + user); err != nil {
		c.conn.Close()
		return err
	}
	return nil
}

// AuthSome returns the error of its greeting with the connection open.
func (c *Client) AuthSome(user string) error {
	if err := c.cmd("HELO"); err != nil {
		return err
	}
	if err := c.cmd("AUTH " + user); err != nil {
		c.Quit()
		return err
	}
	return nil
}

// AuthQuitChecked returns Quit's own error, after which the connection
// may still be open.
func (c *Client) AuthQuitChecked(user string) error {
	if err := c.cmd("AUTH " + user); err != nil {
		if qerr := c.Quit(); qerr != nil {
			return qerr
		}
		return err
	}
	return nil
}

func useAuth(addr, user string) error {
	c, err := Dial(addr)
	if err != nil {
		return err
	}
	if err := c.Auth(user); err != nil {
		return err
	}
	return c.Close()
}

func useAuthDirect(addr, user string) error {
	c, err := Dial(addr)
	if err != nil {
		return err
	}
	if err := c.AuthDirect(user); err != nil {
		return err
	}
	return c.Close()
}

func useAuthSome(addr, user string) error {
	c, err := Dial(addr) // want `\*Client from Dial is not closed when returning at line 116`
	if err != nil {
		return err
	}
	if err := c.AuthSome(user); err != nil {
		return err
	}
	return c.Close()
}

func useAuthQuitChecked(addr, user string) error {
	c, err := Dial(addr) // want `\*Client from Dial is not closed when returning at line 127`
	if err != nil {
		return err
	}
	if err := c.AuthQuitChecked(user); err != nil {
		return err
	}
	return c.Close()
}

// The success side still holds the client.
func authAndKeepOpen(addr, user string) error {
	c, err := Dial(addr) // want `\*Client from Dial is not closed when returning at line 141`
	if err != nil {
		return err
	}
	if err := c.Auth(user); err != nil {
		return err
	}
	return nil
}

func useLogin(addr, user string) error {
	c, err := proto.Dial(addr)
	if err != nil {
		return err
	}
	if err := c.Login(user); err != nil {
		return err
	}
	return c.Close()
}

func useLoginSome(addr, user string) error {
	c, err := proto.Dial(addr) // want `\*failcloses/proto.Client from proto.Dial is not closed when returning at line 161`
	if err != nil {
		return err
	}
	if err := c.LoginSome(user); err != nil {
		return err
	}
	return c.Close()
}

func loginAndKeepOpen(addr, user string) error {
	c, err := proto.Dial(addr) // want `\*failcloses/proto.Client from proto.Dial is not closed when returning at line 174`
	if err != nil {
		return err
	}
	if err := c.Login(user); err != nil {
		return err
	}
	return nil
}

// Relay holds two connections, and its Close closes the upstream one.
type Relay struct {
	upstream net.Conn
	trace    net.Conn
}

func DialRelay(addr, traceAddr string) (*Relay, error) {
	up, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	tr, err := net.Dial("tcp", traceAddr)
	if err != nil {
		up.Close()
		return nil, err
	}
	return &Relay{upstream: up, trace: tr}, nil
}

func (r *Relay) Close() error {
	r.trace.Close()
	return r.upstream.Close()
}

// Start closes only the trace when it fails: not what Close does, so not
// a release of the relay.
func (r *Relay) Start() error {
	if _, err := r.trace.Write([]byte("START")); err != nil {
		r.trace.Close()
		return err
	}
	return nil
}

func useRelay(addr, traceAddr string) error {
	r, err := DialRelay(addr, traceAddr) // want `\*Relay from DialRelay is not closed when returning at line 217`
	if err != nil {
		return err
	}
	if err := r.Start(); err != nil {
		return err
	}
	return r.Close()
}
