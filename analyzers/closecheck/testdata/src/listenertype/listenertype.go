// Package listenertype: the listener of net.Listen on a TCP network is a
// *net.TCPListener, so the failure branch of that assertion is no path;
// on a network the code does not fix, or asserted to another type, it is.
package listenertype

import (
	"errors"
	"net"
)

func ListenTCP(addr string) (*net.TCPListener, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	tl, ok := l.(*net.TCPListener)
	if !ok {
		return nil, errors.New("listener is not a net.TCPListener")
	}
	return tl, nil
}

func DialUDP(addr string) (*net.UDPConn, error) {
	c, err := net.Dial("udp", addr)
	if err != nil {
		return nil, err
	}
	uc, ok := c.(*net.UDPConn)
	if !ok {
		return nil, errors.New("not a UDP connection")
	}
	return uc, nil
}

// The network is the caller's: the assertion may fail.
func ListenOn(network, addr string) (*net.TCPListener, error) {
	l, err := net.Listen(network, addr) // want `listener from net.Listen is not closed when returning at line 43`
	if err != nil {
		return nil, err
	}
	tl, ok := l.(*net.TCPListener)
	if !ok {
		return nil, errors.New("listener is not a net.TCPListener")
	}
	return tl, nil
}

// A Unix socket's listener is no *net.TCPListener.
func ListenUnix(path string) (*net.TCPListener, error) {
	l, err := net.Listen("unix", path) // want `listener from net.Listen is not closed when returning at line 56`
	if err != nil {
		return nil, err
	}
	tl, ok := l.(*net.TCPListener)
	if !ok {
		return nil, errors.New("listener is not a net.TCPListener")
	}
	return tl, nil
}
