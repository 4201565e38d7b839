// Package zerolog is a minimal stand-in for the logger: an event started
// at the fatal level ends the process once sent (at once, with a nil
// event, when the level is disabled).
package zerolog

import "os"

type Level int8

const (
	InfoLevel Level = iota
	ErrorLevel
	FatalLevel
)

type Logger struct{ level Level }

type Event struct {
	level Level
	buf   []byte
	done  func(string)
}

func (l *Logger) newEvent(level Level, done func(string)) *Event {
	if level < l.level {
		if done != nil {
			done("")
		}
		return nil
	}
	return &Event{level: level, done: done}
}

func (l *Logger) Error() *Event { return l.newEvent(ErrorLevel, nil) }

func (l *Logger) Fatal() *Event {
	return l.newEvent(FatalLevel, func(string) { os.Exit(1) })
}

func (e *Event) Err(err error) *Event {
	if e == nil {
		return e
	}
	e.buf = append(e.buf, err.Error()...)
	return e
}

func (e *Event) Str(key, val string) *Event {
	if e == nil {
		return e
	}
	e.buf = append(e.buf, key+"="+val...)
	return e
}

func (e *Event) Discard() *Event {
	if e == nil {
		return e
	}
	e.level = -1
	return nil
}

func (e *Event) Msg(msg string) {
	if e == nil {
		return
	}
	e.msg(msg)
}

func (e *Event) Send() {
	if e == nil {
		return
	}
	e.msg("")
}

func (e *Event) msg(msg string) {
	os.Stderr.Write(append(e.buf, msg...))
	if e.done != nil {
		e.done(msg)
	}
}
