package leakproof

import (
	"errors"
	"os"
	"runtime/debug"
	"testing"
)

// holderLog keeps its file through a setter, as a write-ahead log keeps
// its segment.
type holderLog struct {
	f    *os.File
	size int64
}

func (l *holderLog) setFile(f *os.File) error {
	l.f = f
	st, err := f.Stat()
	if err != nil {
		return err
	}
	l.size = st.Size()
	return nil
}

func (l *holderLog) Close() error { return l.f.Close() }

func newHolderLog(path string) (*holderLog, error) {
	l := &holderLog{}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if err := l.setFile(f); err != nil {
		f.Close()
		return nil, err
	}
	return l, nil
}

type holderStore struct{ log *holderLog }

func (s *holderStore) Close() error {
	if s.log == nil {
		return nil
	}
	return s.log.Close()
}

var errRefused = errors.New("refused")

// openHolderStoreLeaky closes the store on failure from a deferred
// closure, but refuses before the log is in the store: the shape
// closecheck's testdata "setterholders" reports in openStore.
func openHolderStoreLeaky(path string, refuse bool) (_ *holderStore, err error) {
	st := &holderStore{}
	defer func() {
		if err != nil {
			st.Close()
		}
	}()
	l, err := newHolderLog(path) //nolint:closecheck // the leak this test measures
	if err != nil {
		return nil, err
	}
	if refuse {
		return nil, errRefused
	}
	st.log = l
	return st, nil
}

// openHolderStoreFixed puts the log in the store before it can refuse.
func openHolderStoreFixed(path string, refuse bool) (_ *holderStore, err error) {
	st := &holderStore{}
	defer func() {
		if err != nil {
			st.Close()
		}
	}()
	st.log, err = newHolderLog(path)
	if err != nil {
		return nil, err
	}
	if refuse {
		return nil, errRefused
	}
	return st, nil
}

// TestDeferredHolder: the deferred cleanup of the store does not reach a
// log that never entered it; each refused call of the leaky opener leaves
// its descriptor open (with the collector off, as in TestCloseFile), the
// fixed one none.
func TestDeferredHolder(t *testing.T) {
	requireLinux(t)
	const calls = 20
	leakyPath, fixedPath := leakyAndFixedFiles(t, []byte("x"))
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	for i := range calls {
		if _, err := openHolderStoreLeaky(leakyPath, true); !errors.Is(err, errRefused) {
			t.Fatalf("leaky call %d: %v, want the refusal", i, err)
		}
		if _, err := openHolderStoreFixed(fixedPath, true); !errors.Is(err, errRefused) {
			t.Fatalf("fixed call %d: %v, want the refusal", i, err)
		}
	}
	if n := descriptorsOn(t, leakyPath); n != calls {
		t.Errorf("leaky opener: %d descriptors open on %s after %d refused calls, want %d", n, leakyPath, calls, calls)
	}
	if n := descriptorsOn(t, fixedPath); n != 0 {
		t.Errorf("fixed opener: %d descriptors open on %s, want 0", n, fixedPath)
	}
}
