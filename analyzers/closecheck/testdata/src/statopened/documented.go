package statopened

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"hash"
	"os"
	"strings"
)

// bytes.Buffer's Write is documented to return a nil error: the return
// after it fails is no path.
func copyToBuffer(name string, data []byte) (*bytes.Buffer, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if _, err := buf.Write(data); err != nil {
		return nil, err
	}
	f.Close()
	return &buf, nil
}

// The same for strings.Builder, crypto/rand.Read and a hash.Hash.
func documentedWrites(name string, h hash.Hash) (string, error) {
	f, err := os.Open(name)
	if err != nil {
		return "", err
	}
	var sb strings.Builder
	if err := sb.WriteByte('x'); err != nil {
		return "", err
	}
	if _, err := sb.WriteString(name); err != nil {
		return "", err
	}
	key := make([]byte, 16)
	if _, err := rand.Read(key); err != nil {
		return "", err
	}
	if _, err := h.Write(key); err != nil {
		return "", err
	}
	f.Close()
	return sb.String(), nil
}

// bufio.Writer's Write fails when the writer under it does.
func copyToWriter(name string, w *bufio.Writer, data []byte) error {
	f, err := os.Open(name) // want `file from os.Open is not closed when returning at line 58`
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		return err
	}
	return f.Close()
}
