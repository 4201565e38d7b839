// Package sshserver: x/crypto/ssh closes the channel of new channels only
// once its read loop ends, and then closes the connection: a server that
// ranges over that channel to its end has left the connection to the
// library, even without closing the ServerConn it discarded.
package sshserver

import (
	"log"
	"net"

	"golang.org/x/crypto/ssh"
)

func Serve(l net.Listener, config *ssh.ServerConfig) {
	nConn, err := l.Accept()
	if err != nil {
		log.Printf("accept: %v", err)
		return
	}
	_, chans, reqs, err := ssh.NewServerConn(nConn, config)
	if err != nil {
		log.Printf("handshake: %v", err)
		return
	}
	go ssh.DiscardRequests(reqs)
	for ch := range chans {
		ch.Reject("unknown channel type")
	}
}

// Leaving after the first channel drops the connection while the client
// is still connected.
func ServeFirst(l net.Listener, config *ssh.ServerConfig) {
	nConn, err := l.Accept() // want `connection from l.Accept is not closed when returning at line 45`
	if err != nil {
		return
	}
	_, chans, reqs, err := ssh.NewServerConn(nConn, config)
	if err != nil {
		return
	}
	go ssh.DiscardRequests(reqs)
	for ch := range chans {
		ch.Reject("unknown channel type")
		return
	}
}

// A channel the table does not list says nothing about the connection.
func ServeOther(l net.Listener) {
	nConn, err := l.Accept() // want `connection from l.Accept is not closed when returning at line 59`
	if err != nil {
		return
	}
	_, chans := ssh.NewListener(nConn)
	for ch := range chans {
		ch.Reject("no")
	}
}
