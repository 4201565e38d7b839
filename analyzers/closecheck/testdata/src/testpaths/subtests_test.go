package testpaths

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
)

// A subtest literal that only reads the captured file: the file is still
// the test's, and nothing closes it.
func TestSubtestCapturesOpen(t *testing.T) {
	f, err := os.Open("testdata/in.txt") // want `file from os.Open is not closed when returning at line 23`
	if err != nil {
		t.Fatal(err)
	}
	t.Run("stat", func(t *testing.T) {
		if _, err := f.Seek(0, io.SeekEnd); err != nil {
			t.Error(err)
		}
	})
}

// The same subtest, with the test closing the file when it returns.
func TestSubtestCapturesClosed(t *testing.T) {
	f, err := os.Open("testdata/in.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	t.Run("stat", func(t *testing.T) {
		if _, err := f.Seek(0, io.SeekEnd); err != nil {
			t.Error(err)
		}
	})
}

// A subtest that closes what it captures releases it.
func TestSubtestClosesCaptured(t *testing.T) {
	f, err := os.Open("testdata/in.txt")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("close", func(t *testing.T) {
		if err := f.Close(); err != nil {
			t.Error(err)
		}
	})
}

// A test server captured by a subtest and never closed.
func TestSubtestCapturesServer(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler()) // want `\*net/http/httptest.Server from httptest.NewServer is not closed when returning at line 60`
	t.Run("url", func(t *testing.T) {
		if srv.URL == "" {
			t.Error("no URL")
		}
	})
}
