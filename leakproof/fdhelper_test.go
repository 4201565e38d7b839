package leakproof

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// regularOnly hands the descriptor's number to fstat(2) and nothing else:
// it neither closes nor keeps the descriptor.
func regularOnly(fd uintptr) error {
	var st syscall.Stat_t
	if err := syscall.Fstat(int(fd), &st); err != nil {
		return err
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return errors.New("not a regular file")
	}
	return nil
}

// openRegularLeaky returns the helper's error without closing the
// descriptor, the shape of analyzers/closecheck/testdata/src/descriptors.
func openRegularLeaky(path string) (*os.File, error) {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0) //nolint:closecheck // the leak this test measures
	if err != nil {
		return nil, err
	}
	if err := regularOnly(uintptr(fd)); err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(fd), path), nil
}

// openRegularFixed closes the descriptor when the helper fails.
func openRegularFixed(path string) (*os.File, error) {
	fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
	if err != nil {
		return nil, err
	}
	if err := regularOnly(uintptr(fd)); err != nil {
		syscall.Close(fd)
		return nil, err
	}
	return os.NewFile(uintptr(fd), path), nil
}

// TestDescriptorHelper: a helper that only passes the number to a system
// call leaves the descriptor with its caller, so each failed open of a
// directory through the leaky opener leaves one descriptor open (a raw
// descriptor has no finalizer); the fixed opener leaves none.
func TestDescriptorHelper(t *testing.T) {
	requireLinux(t)
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	const calls = 20
	for _, c := range []struct {
		name string
		open func(string) (*os.File, error)
		want int
	}{{"leaky", openRegularLeaky, calls}, {"fixed", openRegularFixed, 0}} {
		t.Run(c.name, func(t *testing.T) {
			before := descriptorsOn(t, sub)
			for range calls {
				if f, err := c.open(sub); err == nil {
					f.Close()
					t.Fatal("a directory opened as a regular file")
				}
			}
			grew := descriptorsOn(t, sub) - before
			t.Logf("descriptors on the directory grew by %d after %d failed opens", grew, calls)
			if grew != c.want {
				t.Errorf("descriptors grew by %d, want %d", grew, c.want)
			}
		})
	}
}
