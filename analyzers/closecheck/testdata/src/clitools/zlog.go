package clitools

import (
	"errors"
	"net"
	"os"

	"github.com/rs/zerolog/log"
)

// Start ends the process through a fatal zerolog event when a server
// cannot be made: what listen leaves open on its failing returns goes
// with the process.
func Start(addr string, secure bool) net.Listener {
	ln, err := listen(addr, secure)
	if err != nil {
		log.Fatal().Err(err).Str("addr", addr).Msg("cannot listen")
	}
	return ln
}

func listen(addr string, secure bool) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	if secure {
		return nil, errors.New("TLS is not configured")
	}
	return ln, nil
}

// StartLogged logs at the error level and goes on: listenLogged's failing
// return leaks.
func StartLogged(addr string, secure bool) net.Listener {
	ln, err := listenLogged(addr, secure)
	if err != nil {
		log.Error().Err(err).Msg("cannot listen")
	}
	return ln
}

func listenLogged(addr string, secure bool) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr) // want `listener from net.Listen is not closed when returning at line 49`
	if err != nil {
		return nil, err
	}
	if secure {
		return nil, errors.New("TLS is not configured")
	}
	return ln, nil
}

// StartDiscarded discards the fatal event: its send does nothing.
func StartDiscarded(addr string, secure bool) net.Listener {
	ln, err := listenDiscarded(addr, secure)
	if err != nil {
		log.Fatal().Err(err).Discard().Msg("cannot listen")
	}
	return ln
}

func listenDiscarded(addr string, secure bool) (net.Listener, error) {
	ln, err := net.Listen("tcp", addr) // want `listener from net.Listen is not closed when returning at line 69`
	if err != nil {
		return nil, err
	}
	if secure {
		return nil, errors.New("TLS is not configured")
	}
	return ln, nil
}

// ReadConfig ends the process on a bad configuration, the file still
// open: it goes with the process, and the return after the fatal event is
// never taken.
func ReadConfig(path string) []byte {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal().Err(err).Send()
	}
	buf := make([]byte, 512)
	n, err := f.Read(buf)
	if err != nil {
		log.Fatal().Err(err).Msg("cannot read the configuration")
		return nil // never taken
	}
	f.Close()
	return buf[:n]
}

// ReadConfigLogged only logs: the file stays open on that return.
func ReadConfigLogged(path string) []byte {
	f, err := os.Open(path) // want `file from os.Open is not closed when returning at line 103`
	if err != nil {
		log.Error().Err(err).Send()
		return nil
	}
	buf := make([]byte, 512)
	n, err := f.Read(buf)
	if err != nil {
		log.Error().Err(err).Msg("cannot read the configuration")
		return nil
	}
	f.Close()
	return buf[:n]
}
