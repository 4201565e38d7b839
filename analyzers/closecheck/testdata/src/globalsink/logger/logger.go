// Package logger keeps writers: in its standard logger and a registry of
// its own (package-level), or in the loggers and buffers its callers
// hold.
package logger

import (
	"io"
	"sync"
)

type Logger struct {
	mu  sync.Mutex
	out io.Writer
}

func New() *Logger { return &Logger{} }

// SetOutput keeps w in l.
func (l *Logger) SetOutput(w io.Writer) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.out = w
}

var std = New()

// SetOutput keeps w in the standard logger, a package-level variable.
func SetOutput(w io.Writer) { std.SetOutput(w) }

var sinks = map[string]io.Writer{}

// Register keeps w in a package-level map.
func Register(name string, w io.Writer) { sinks[name] = w }

// Buffer holds a writer for its caller.
type Buffer struct{ w io.Writer }

func (b *Buffer) reset(w io.Writer) { b.w = w }

// NewBuffer keeps w in the Buffer it returns, not in the package.
func NewBuffer(w io.Writer) *Buffer {
	b := new(Buffer)
	b.reset(w)
	return b
}

// Print writes to w and keeps nothing.
func Print(w io.Writer, msg string) { _, _ = io.WriteString(w, msg) }
