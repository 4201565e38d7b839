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

// A helper of the package that fails only when the assertion of the
// listener (or of its Addr() to *net.TCPAddr) does fails on no path
// either. listenerPort fails only when the listener's address is not TCP.
func listenerPort(ln net.Listener) (int, error) {
	a, ok := ln.Addr().(*net.TCPAddr)
	if !ok {
		return 0, errors.New("listener is not TCP")
	}
	return a.Port, nil
}

// On the listener of net.Listen("tcp", ...) listenerPort does not fail:
// its failing return is no path.
func ListenPort(addr string) (net.Listener, int, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, 0, err
	}
	port, err := listenerPort(l)
	if err != nil {
		return nil, 0, err
	}
	return l, port, nil
}

// On a network the caller picks it can.
func ListenPortOn(network, addr string) (net.Listener, int, error) {
	l, err := net.Listen(network, addr) // want `listener from net.Listen is not closed when returning at line 94`
	if err != nil {
		return nil, 0, err
	}
	port, err := listenerPort(l)
	if err != nil {
		return nil, 0, err
	}
	return l, port, nil
}

// publicPort also fails on a port it does not want, whatever the
// listener: that return is a path.
func publicPort(ln net.Listener) (int, error) {
	a, ok := ln.Addr().(*net.TCPAddr)
	if !ok {
		return 0, errors.New("listener is not TCP")
	}
	if a.Port < 1024 {
		return 0, errors.New("privileged port")
	}
	return a.Port, nil
}

func ListenPublic(addr string) (net.Listener, int, error) {
	l, err := net.Listen("tcp", addr) // want `listener from net.Listen is not closed when returning at line 119`
	if err != nil {
		return nil, 0, err
	}
	port, err := publicPort(l)
	if err != nil {
		return nil, 0, err
	}
	return l, port, nil
}
