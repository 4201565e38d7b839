// Package logsink makes loggers: one given a sink holds no file, one
// given none, or given a sink it cannot see, may hold one.
package logsink

import "logsink/logger"

type mockSink struct{ msgs []string }

func (s *mockSink) Info(msg string) { s.msgs = append(s.msgs, msg) }

type discardSink struct{}

func (discardSink) Info(string) {}

// withSinkNotClosed: New opens a file only when its sink is nil, and this
// one is not.
func withSinkNotClosed() error {
	l, err := logger.New(discardSink{})
	if err != nil {
		return err
	}
	l.Sink.Info("hello")
	return nil
}

// withPointerSinkNotClosed: an interface holding a pointer is not nil.
func withPointerSinkNotClosed() error {
	l, err := logger.New(&mockSink{})
	if err != nil {
		return err
	}
	l.Sink.Info("hello")
	return nil
}

// withoutSinkNotClosed: given no sink, New may open the log file.
func withoutSinkNotClosed() error {
	l, err := logger.New(nil) // want `\*logsink/logger.Logger from logger.New is not closed when returning at line 43 \(logger.New returns it unreleased at logger.go:29\)`
	if err != nil {
		return err
	}
	l.Sink.Info("hello")
	return nil
}

// callerSinkNotClosed: the sink comes from the caller, who may pass nil.
func callerSinkNotClosed(s logger.Sink) error {
	l, err := logger.New(s) // want `\*logsink/logger.Logger from logger.New is not closed when returning at line 53 \(logger.New returns it unreleased at logger.go:29\)`
	if err != nil {
		return err
	}
	l.Sink.Info("hello")
	return nil
}

// fileWithSinkNotClosed: NewFile opens its file whatever sink it is given.
func fileWithSinkNotClosed(path string) error {
	l, err := logger.NewFile(discardSink{}, path) // want `\*logsink/logger.Logger from logger.NewFile is not closed when returning at line 63 \(logger.NewFile returns it unreleased at logger.go:61\)`
	if err != nil {
		return err
	}
	l.Sink.Info("hello")
	return nil
}
