// Package logger opens a log file only when it is given no sink.
package logger

import (
	"io"
	"os"
)

type Sink interface {
	Info(msg string)
}

type ioSink struct{ w io.Writer }

func (s ioSink) Info(msg string) { io.WriteString(s.w, msg) }

// Logger holds its log file, if it opened one.
type Logger struct {
	Sink    Sink
	logFile *os.File
}

// New opens a log file only when sink is nil.
func New(sink Sink) (*Logger, error) {
	sink, f, err := selectSink(sink)
	if err != nil {
		return nil, err
	}
	return &Logger{Sink: sink, logFile: f}, nil
}

// Close closes the log file, if there is one.
func (l *Logger) Close() error {
	if l.logFile != nil {
		return l.logFile.Close()
	}
	return nil
}

func selectSink(sink Sink) (Sink, *os.File, error) {
	if sink != nil {
		return sink, nil, nil
	}
	path := os.Getenv("LOG_PATH")
	if path == "" {
		return ioSink{os.Stderr}, nil, nil
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, nil, err
	}
	return ioSink{f}, f, nil
}

// NewFile opens a log file whatever it is given.
func NewFile(sink Sink, path string) (*Logger, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &Logger{Sink: sink, logFile: f}, nil
}
