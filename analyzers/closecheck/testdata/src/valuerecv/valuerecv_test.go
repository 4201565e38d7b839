package valuerecv

import (
	"net"
	"testing"
)

// pair's Close has a value receiver: p.Close() on a *pair loads the
// struct and calls Close on the copy, which holds the same client.
type pair struct {
	cli *Client
	res chan error
}

func (p pair) Close() { p.cli.Close() }

func newPair(t *testing.T) *pair {
	c, err := net.Dial("tcp", "127.0.0.1:1")
	if err != nil {
		t.Fatal(err)
	}
	cl, err := NewClient(c)
	if err != nil {
		t.Fatal(err)
	}
	p := &pair{res: make(chan error, 1)}
	p.cli = cl
	return p
}

func TestPairDeferredValueClose(t *testing.T) {
	p := newPair(t)
	defer p.Close()
	_ = p.cli
}

func TestPairValueClose(t *testing.T) {
	p := newPair(t)
	_ = p.cli
	p.Close()
}

func TestPairNotClosed(t *testing.T) {
	p := newPair(t) // want `\*pair from newPair is not closed when returning at line \d+`
	_ = p.cli
}
