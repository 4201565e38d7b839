package listenerport

import (
	"errors"
	"net"
	"strconv"
)

// The port of a TCP listener's own address: SplitHostPort of its String
// and ParseInt of the decimal port do not fail, so their returns are
// never taken.
func listenOnFreePort(host string) (*net.TCPListener, int64, error) {
	l, err := net.Listen("tcp", host+":0")
	if err != nil {
		return nil, 0, err
	}
	tl, ok := l.(*net.TCPListener)
	if !ok {
		return nil, 0, errors.New("not TCP")
	}
	_, port, err := net.SplitHostPort(tl.Addr().String())
	if err != nil {
		return nil, 0, err
	}
	p, err := strconv.ParseInt(port, 10, 32)
	if err != nil {
		return nil, 0, err
	}
	return tl, p, nil
}

// An address string from the caller may be anything: its split can fail
// and that return leaks the listener.
func listenAndSplit(host, addr string) (net.Listener, string, error) {
	l, err := net.Listen("tcp", host+":0") // want `listener from net.Listen is not closed when returning at line 41`
	if err != nil {
		return nil, "", err
	}
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, "", err
	}
	return l, port, nil
}

// ParseInt into 8 bits can fail on a decimal port.
func listenSmallPort(host string) (*net.TCPListener, int64, error) {
	l, err := net.Listen("tcp", host+":0") // want `listener from net.Listen is not closed when returning at line 62`
	if err != nil {
		return nil, 0, err
	}
	tl, ok := l.(*net.TCPListener)
	if !ok {
		return nil, 0, errors.New("not TCP")
	}
	_, port, err := net.SplitHostPort(tl.Addr().String())
	if err != nil {
		return nil, 0, err
	}
	p, err := strconv.ParseInt(port, 10, 8)
	if err != nil {
		return nil, 0, err
	}
	return tl, p, nil
}
