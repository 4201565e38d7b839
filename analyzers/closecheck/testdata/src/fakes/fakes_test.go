package fakes

import (
	"errors"
	"os"
	"testing"
)

// memStore never fails.
type memStore struct{ n int }

func (m *memStore) Put(f *os.File) error {
	m.n++
	return nil
}

// flakyStore fails when told to.
type flakyStore struct{ err error }

func (s *flakyStore) Put(f *os.File) error { return s.err }

// limitStore fails past its limit.
type limitStore struct{ n, limit int }

func (s *limitStore) Put(f *os.File) error {
	if s.n >= s.limit {
		return errors.New("full")
	}
	s.n++
	return nil
}

// deferStore may set its result in a deferred call.
type deferStore struct{}

func (deferStore) Put(f *os.File) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("panicked")
		}
	}()
	return nil
}

// The fake never fails: the return after its error is no path.
func TestFakeNeverFails(t *testing.T) {
	f, err := os.Open("testdata/in.txt")
	if err != nil {
		t.Fatal(err)
	}
	m := &memStore{}
	if err := m.Put(f); err != nil {
		return
	}
	f.Close()
}

// The same through the interface the fake is boxed in.
func TestFakeBoxedNeverFails(t *testing.T) {
	f, err := os.Open("testdata/in.txt")
	if err != nil {
		t.Fatal(err)
	}
	var s Store = &memStore{}
	if err := s.Put(nil); err != nil {
		return
	}
	f.Close()
}

// A fake that returns the error it holds may fail.
func TestFakeReturnsField(t *testing.T) {
	f, err := os.Open("testdata/in.txt") // want `file from os.Open is not closed when returning at line 79`
	if err != nil {
		t.Fatal(err)
	}
	s := &flakyStore{}
	if err := s.Put(f); err != nil {
		return
	}
	f.Close()
}

// A fake that fails past a limit may fail.
func TestFakeFailsPastLimit(t *testing.T) {
	f, err := os.Open("testdata/in.txt") // want `file from os.Open is not closed when returning at line 92`
	if err != nil {
		t.Fatal(err)
	}
	s := &limitStore{limit: 1}
	if err := s.Put(f); err != nil {
		return
	}
	f.Close()
}

// A fake whose deferred call may set the error is not trusted.
func TestFakeDefers(t *testing.T) {
	f, err := os.Open("testdata/in.txt") // want `file from os.Open is not closed when returning at line 105`
	if err != nil {
		t.Fatal(err)
	}
	var s deferStore
	if err := s.Put(f); err != nil {
		return
	}
	f.Close()
}

// The same through the interface: the boxed fake may fail.
func TestFakeBoxedFails(t *testing.T) {
	f, err := os.Open("testdata/in.txt") // want `file from os.Open is not closed when returning at line 118`
	if err != nil {
		t.Fatal(err)
	}
	var s Store = &flakyStore{err: errors.New("full")}
	if err := s.Put(nil); err != nil {
		return
	}
	f.Close()
}
