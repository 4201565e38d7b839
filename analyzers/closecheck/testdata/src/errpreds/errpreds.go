// Package errpreds tests acquisitions whose error is classified by a bool
// function of the program before it is compared with nil: the branch on
// which such a predicate is true holds no resource when the predicate is
// true only for a non-nil error.
package errpreds

import (
	"errors"
	"net"
	"os"

	"errpreds/envcheck"
)

// unsupported is true only for a non-nil error.
func unsupported(err error) bool {
	if err == nil {
		return false
	}
	return errors.Is(err, errors.ErrUnsupported)
}

// loose is true for a nil error too.
func loose(err error) bool {
	return err == nil || errors.Is(err, errors.ErrUnsupported)
}

func skipOnUnsupported(name string) error {
	f, err := os.Open(name)
	if unsupported(err) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

func skipOnLoose(name string) error {
	f, err := os.Open(name) // want `file from os.Open is not closed when returning at line 42`
	if loose(err) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// The predicate of another package forwards to one of its own.
func listenEach(addrs []*net.IPAddr) error {
	for _, a := range addrs {
		c, err := net.ListenIP("ip4:icmp", a)
		if envcheck.NotSupported(err) {
			continue
		}
		if err != nil {
			return err
		}
		if err := c.Close(); err != nil {
			return err
		}
	}
	return nil
}

func listenDenied(a *net.IPAddr) error {
	c, err := net.ListenIP("ip4:icmp", a)
	if envcheck.Denied(err) {
		return nil
	}
	if err != nil {
		return err
	}
	return c.Close()
}

func listenSettled(a *net.IPAddr) error {
	c, err := net.ListenIP("ip4:icmp", a) // want `connection from net.ListenIP is not closed when returning at line 81`
	if envcheck.Settled(err) {
		return nil
	}
	if err != nil {
		return err
	}
	return c.Close()
}
