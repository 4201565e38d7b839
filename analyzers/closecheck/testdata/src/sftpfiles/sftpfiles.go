// Package sftpfiles opens files on an SFTP server: each is a handle the
// server keeps open until the client closes it.
package sftpfiles

import (
	"fmt"
	"os"

	"github.com/pkg/sftp"
)

func uploadDropsFileOnChmodError(c *sftp.Client, name string, data []byte) error {
	f, err := c.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY) // want `remote file from c.OpenFile is not closed when returning at line 18`
	if err != nil {
		return err
	}
	if err := f.Chmod(0o600); err != nil {
		return fmt.Errorf("chmod %v: %w", name, err)
	}
	defer f.Close()
	_, err = f.Write(data)
	return err
}

func uploadClosesFileOnChmodError(c *sftp.Client, name string, data []byte) error {
	f, err := c.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY)
	if err != nil {
		return err
	}
	if err := f.Chmod(0o600); err != nil {
		_ = f.Close()
		return fmt.Errorf("chmod %v: %w", name, err)
	}
	defer f.Close()
	_, err = f.Write(data)
	return err
}

func readNeverCloses(c *sftp.Client, name string) (int, error) {
	f, err := c.Open(name) // want `remote file from c.Open is not closed when returning at line 44`
	if err != nil {
		return 0, err
	}
	return f.Read(make([]byte, 16))
}

// A file handed to the caller is the caller's to close.
func createReturnsFile(c *sftp.Client, name string) (*sftp.File, error) {
	return c.Create(name)
}

// A client and what it talks to, closed together: closing the client
// ends the session, and the server closes every handle it left open.
type pair struct {
	cli  *sftp.Client
	done chan struct{}
}

func (p pair) Close() {
	close(p.done)
	p.cli.Close()
}

// Close of this pair leaves the client open: the handles stay.
type loosePair struct {
	cli  *sftp.Client
	done chan struct{}
}

func (p *loosePair) Close() { close(p.done) }

func newPair(c *sftp.Client) pair { return pair{cli: c, done: make(chan struct{})} }

func newLoosePair(c *sftp.Client) *loosePair {
	return &loosePair{cli: c, done: make(chan struct{})}
}

func statUntilPairCloses(c *sftp.Client) error {
	p := newPair(c)
	defer p.Close()
	f, err := p.cli.Open("/foo")
	if err != nil {
		return err
	}
	_, err = f.Read(make([]byte, 1))
	return err
}

func statWhileClientLives(c *sftp.Client) error {
	p := newLoosePair(c)
	defer p.Close()
	f, err := p.cli.Open("/foo") // want `remote file from p.cli.Open is not closed when returning at line 97`
	if err != nil {
		return err
	}
	_, err = f.Read(make([]byte, 1))
	return err
}

func statUntilClientCloses(c *sftp.Client) error {
	defer c.Close()
	f, err := c.Open("/foo")
	if err != nil {
		return err
	}
	_, err = f.Read(make([]byte, 1))
	return err
}

// A loop piles up one handle per iteration until the session ends.
func statEachUntilPairCloses(c *sftp.Client, names []string) error {
	p := newPair(c)
	defer p.Close()
	for _, name := range names {
		f, err := p.cli.Open(name) // want `remote file from p.cli.Open is not closed before the next loop iteration acquires another`
		if err != nil {
			return err
		}
		if _, err := f.Read(make([]byte, 1)); err != nil {
			return err
		}
	}
	return nil
}

func newPairPtr(c *sftp.Client) *pair { return &pair{cli: c, done: make(chan struct{})} }

// The pair behind a pointer, its Close on the value.
func statUntilPairPtrCloses(c *sftp.Client) error {
	p := newPairPtr(c)
	defer p.Close()
	f, err := p.cli.Open("/foo")
	if err != nil {
		return err
	}
	_, err = f.Read(make([]byte, 1))
	return err
}
