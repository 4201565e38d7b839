// Package logs writes the service's audit and access logs to files, with
// rotation, locking and periodic flushing.
package logs

import (
	"bufio"
	"os"
	"sync"
	"time"
)

// File is a buffered log file. Close flushes and closes it.
type File struct {
	mu   sync.Mutex
	path string
	f    *os.File
	w    *bufio.Writer
	size int64
}

// Write appends p.
func (l *File) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	n, err := l.w.Write(p)
	l.size += int64(n)
	return n, err
}

// Flush writes the buffer to the file.
func (l *File) Flush() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Flush()
}

// Close flushes and closes the file.
func (l *File) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if err := l.w.Flush(); err != nil {
		l.f.Close()
		return err
	}
	return l.f.Close()
}

// Entry is one audit record.
type Entry struct {
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`
	Action string    `json:"action"`
}

// Spool is an append-only spool file read back by the shipper.
type Spool struct {
	f *os.File
}

// Close closes the spool.
func (s *Spool) Close() error { return s.f.Close() }
