// Package agent is a minimal stand-in for golang.org/x/crypto/ssh/agent:
// a client that talks to an SSH agent over the connection it is given.
package agent

import (
	"io"

	"golang.org/x/crypto/ssh"
)

type ExtendedAgent interface {
	Signers() ([]ssh.Signer, error)
}

type client struct {
	conn io.ReadWriter
}

func (c *client) Signers() ([]ssh.Signer, error) {
	if _, err := c.conn.Write([]byte{11}); err != nil {
		return nil, err
	}
	return nil, nil
}

// NewClient returns an agent client that does every request over rw.
func NewClient(rw io.ReadWriter) ExtendedAgent {
	return &client{conn: rw}
}
