// Package websocket stands in for github.com/coder/websocket: Dial returns
// the handshake response, whose body the returned connection owns.
package websocket

import (
	"net/http"
)

type Conn struct{ rwc interface{ Close() error } }

func (c *Conn) CloseNow() error { return c.rwc.Close() }

// Dial is documented: "You never need to close resp.Body yourself."
func Dial(c *http.Client, u string) (*Conn, *http.Response, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, nil, err
	}
	return &Conn{rwc: resp.Body}, resp, nil
}

// Handshake has the same body without the documented contract.
func Handshake(c *http.Client, u string) (*Conn, *http.Response, error) {
	resp, err := c.Get(u)
	if err != nil {
		return nil, nil, err
	}
	return &Conn{rwc: resp.Body}, resp, nil
}
