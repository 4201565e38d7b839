package leakproof

import (
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"testing"
)

var slotsMu sync.Mutex

// openCheckedLeaky holds a lock through a deferred unlock, returns the
// file on success and nil with an error when the file is empty, leaving
// it open: the shape closecheck's testdata "deferresults" reports (the
// returns of a function with deferred calls go through result slots).
func openCheckedLeaky(path string) (*os.File, error) {
	slotsMu.Lock()
	defer slotsMu.Unlock()
	f, err := os.Open(path) //nolint:closecheck // the leak this test measures
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil || st.Size() == 0 {
		return nil, errors.New("empty file")
	}
	return f, nil
}

// openCheckedFixed closes the file before the refusing return.
func openCheckedFixed(path string) (*os.File, error) {
	slotsMu.Lock()
	defer slotsMu.Unlock()
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil || st.Size() == 0 {
		f.Close()
		return nil, errors.New("empty file")
	}
	return f, nil
}

// TestDeferResults: every refused call of the leaky helper leaves one
// descriptor open (with the collector off, as in TestCloseFile); the
// fixed helper leaves none.
func TestDeferResults(t *testing.T) {
	requireLinux(t)
	const calls = 20
	leakyPath, fixedPath := leakyAndFixedFiles(t, nil)
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	for i := range calls {
		if _, err := openCheckedLeaky(leakyPath); err == nil {
			t.Fatalf("leaky call %d succeeded, want the empty-file error", i)
		}
		if _, err := openCheckedFixed(fixedPath); err == nil {
			t.Fatalf("fixed call %d succeeded, want the empty-file error", i)
		}
	}
	if n := descriptorsOn(t, leakyPath); n != calls {
		t.Errorf("leaky helper: %d descriptors open on %s after %d refused calls, want %d", n, leakyPath, calls, calls)
	}
	if n := descriptorsOn(t, fixedPath); n != 0 {
		t.Errorf("fixed helper: %d descriptors open on %s, want 0", n, fixedPath)
	}
}

// leakyAndFixedFiles writes content to two files, "leaky" and "fixed", in
// a temporary directory (symbolic links resolved, so that descriptorsOn
// matches the paths /proc shows) and returns their paths.
func leakyAndFixedFiles(t *testing.T, content []byte) (leaky, fixed string) {
	t.Helper()
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	leaky, fixed = filepath.Join(dir, "leaky"), filepath.Join(dir, "fixed")
	for _, p := range []string{leaky, fixed} {
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return leaky, fixed
}
