package clitools

import (
	"errors"
	stdlog "log"
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
	ln, err := net.Listen("tcp", addr) // want `listener from net.Listen is not closed when returning at line 50`
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
	ln, err := net.Listen("tcp", addr) // want `listener from net.Listen is not closed when returning at line 70`
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
	f, err := os.Open(path) // want `file from os.Open is not closed when returning at line 104`
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

// LoadOrDie ends the process with log.Fatal when the key cannot be read:
// readKey's failing returns go with it.
func LoadOrDie(path string) []byte {
	key, err := readKey(path)
	if err != nil {
		stdlog.Fatal(err)
	}
	return key
}

func readKey(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	buf := make([]byte, 32)
	if _, err := f.Read(buf); err != nil {
		return nil, err
	}
	return buf, f.Close()
}

// LoadOrPanic panics, which a caller may recover from: readKeyPanic's
// failing returns still leak.
func LoadOrPanic(path string) []byte {
	key, err := readKeyPanic(path)
	if err != nil {
		panic(err)
	}
	return key
}

func readKeyPanic(path string) ([]byte, error) {
	f, err := os.Open(path) // want `file from os.Open is not closed when returning at line 149`
	if err != nil {
		return nil, err
	}
	buf := make([]byte, 32)
	if _, err := f.Read(buf); err != nil {
		return nil, err
	}
	return buf, f.Close()
}
