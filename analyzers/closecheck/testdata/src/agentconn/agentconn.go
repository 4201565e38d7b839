// Package agentconn: a connection to the SSH agent handed to the agent
// client is still owed a Close. The client uses it for every request but
// has no Close of its own, so a function that returns only the client (or
// its Signers callback) leaves a socket nothing can ever close, one per
// call (go-git fixed this shape in NewSSHAgentAuth by keeping the
// connection and adding a Close).
package agentconn

import (
	"fmt"
	"io"
	"net"
	"os"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

// Only the client's Signers callback is returned: the socket is dropped.
func UseAgent() (ssh.AuthMethod, error) {
	sock, err := net.Dial("unix", os.Getenv("SSH_AUTH_SOCK")) // want `connection from net.Dial is not closed when returning at line 25`
	if err != nil {
		return nil, err
	}
	return ssh.PublicKeysCallback(agent.NewClient(sock).Signers), nil
}

// The same, the callback kept in a slice of auth methods.
func AuthMethods() []ssh.AuthMethod {
	var methods []ssh.AuthMethod
	if sock, err := net.Dial("unix", os.Getenv("SSH_AUTH_SOCK")); err == nil { // want `connection from net.Dial is not closed when returning at line 34`
		methods = append(methods, ssh.PublicKeysCallback(agent.NewClient(sock).Signers))
	}
	return methods
}

// A function of the package that only writes to its io.ReadWriter keeps
// nothing: the connection is dropped at the return.
func hello(rw io.ReadWriter) error {
	_, err := fmt.Fprintf(rw, "hello\n")
	return err
}

func Probe() error {
	sock, err := net.Dial("unix", os.Getenv("SSH_AUTH_SOCK")) // want `connection from net.Dial is not closed when returning at line 49`
	if err != nil {
		return err
	}
	return hello(sock)
}

// The connection returned next to the callback, for the caller to close,
// is not dropped.
func UseAgentCloser() (ssh.AuthMethod, io.Closer, error) {
	sock, err := net.Dial("unix", os.Getenv("SSH_AUTH_SOCK"))
	if err != nil {
		return nil, nil, err
	}
	return ssh.PublicKeysCallback(agent.NewClient(sock).Signers), sock, nil
}
