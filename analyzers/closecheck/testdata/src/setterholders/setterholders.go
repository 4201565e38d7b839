// Package setterholders: a resource stored in a local value through a
// setter of the package, and a deferred cleanup of a holder that the
// resource enters only later.
package setterholders

import (
	"errors"
	"os"
)

type segment struct {
	f *os.File
	n int
}

func (s *segment) Close() error { return s.f.Close() }

func (s *segment) Stat() (os.FileInfo, error) { return s.f.Stat() }

func createSegment(name string) (*segment, error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	return &segment{f: f}, nil
}

type log struct {
	seg  *segment
	done int64
}

// setSegment stores the segment in its receiver on every path.
func (l *log) setSegment(s *segment) error {
	l.seg = s
	st, err := s.Stat()
	if err != nil {
		return err
	}
	l.done = st.Size()
	return nil
}

func (l *log) Close() error { return l.seg.Close() }

// newLog: the segment goes into the log through its setter; the log is
// dropped, and the segment with it, when the setter fails.
func newLog(name string) (*log, error) {
	l := &log{}
	s, err := createSegment(name) // want `\*segment from createSegment is not closed when returning at line 55`
	if err != nil {
		return nil, err
	}
	if err := l.setSegment(s); err != nil {
		return nil, err
	}
	return l, nil
}

// newLogClosing closes the segment when the setter fails.
func newLogClosing(name string) (*log, error) {
	l := &log{}
	s, err := createSegment(name)
	if err != nil {
		return nil, err
	}
	if err := l.setSegment(s); err != nil {
		s.Close()
		return nil, err
	}
	return l, nil
}

// useLog: the log newLog returns holds the segment, so the caller owes it.
func useLog(name string, check bool) error {
	l, err := newLog(name) // want `\*log from newLog is not closed when returning at line 81`
	if err != nil {
		return err
	}
	if check {
		return errors.New("check failed")
	}
	return l.Close()
}

// useLogClosed releases it on every path.
func useLogClosed(name string, check bool) error {
	l, err := newLog(name)
	if err != nil {
		return err
	}
	defer l.Close()
	if check {
		return errors.New("check failed")
	}
	return nil
}

type store struct {
	l *log
}

func (s *store) Close() error {
	if s.l == nil {
		return nil
	}
	return s.l.Close()
}

func validate(name string) error {
	if name == "" {
		return errors.New("no name")
	}
	return nil
}

// openStore: the deferred cleanup closes the store on failure, but the
// log enters the store only after validate; its failure returns with the
// log in no one's hands.
func openStore(name string) (_ *store, err error) {
	st := &store{}
	defer func() {
		if err != nil {
			st.Close()
		}
	}()
	l, err := newLog(name) // want `\*log from newLog is not closed when returning at line 132`
	if err != nil {
		return nil, err
	}
	if err := validate(name); err != nil {
		return nil, err
	}
	st.l = l
	if err := validate(name + "2"); err != nil {
		return nil, err
	}
	return st, nil
}

// openStoreAtOnce puts the log in the store before anything can fail:
// the deferred cleanup covers every later return.
func openStoreAtOnce(name string) (_ *store, err error) {
	st := &store{}
	defer func() {
		if err != nil {
			st.Close()
		}
	}()
	st.l, err = newLog(name)
	if err != nil {
		return nil, err
	}
	if err := validate(name); err != nil {
		return nil, err
	}
	return st, nil
}

// openFileCell: the deferred closure closes whatever the variable holds
// when it runs.
func openFileCell(name string) error {
	var f *os.File
	defer func() {
		if f != nil {
			f.Close()
		}
	}()
	var err error
	f, err = os.Open(name)
	if err != nil {
		return err
	}
	return validate(name)
}

// holdAll keeps every file of the loop in a slice that the deferred
// closure closes: an earlier file is in it before a later open fails.
func holdAll(names []string) ([]int64, error) {
	var files []*os.File
	defer func() {
		for _, f := range files {
			f.Close()
		}
	}()
	var sizes []int64
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
		st, err := f.Stat()
		if err != nil {
			return nil, err
		}
		sizes = append(sizes, st.Size())
	}
	return sizes, nil
}
