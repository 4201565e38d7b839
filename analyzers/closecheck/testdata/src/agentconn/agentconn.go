// Package agentconn: a connection to the SSH agent handed to the agent
// client, which keeps it for every later request, is not dropped; one
// only written to and then dropped is.
package agentconn

import (
	"fmt"
	"io"
	"net"
	"os"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
)

// The agent client keeps the connection; its Signers method value is the
// returned auth method's callback.
func UseAgent() (ssh.AuthMethod, error) {
	sock, err := net.Dial("unix", os.Getenv("SSH_AUTH_SOCK"))
	if err != nil {
		return nil, err
	}
	return ssh.PublicKeysCallback(agent.NewClient(sock).Signers), nil
}

// The same, kept in a slice of auth methods.
func AuthMethods() []ssh.AuthMethod {
	var methods []ssh.AuthMethod
	if sock, err := net.Dial("unix", os.Getenv("SSH_AUTH_SOCK")); err == nil {
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
	sock, err := net.Dial("unix", os.Getenv("SSH_AUTH_SOCK")) // want `connection from net.Dial is not closed when returning at line 47`
	if err != nil {
		return err
	}
	return hello(sock)
}
