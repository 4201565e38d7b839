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
