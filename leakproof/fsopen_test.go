package leakproof

import (
	"net/http"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

// existsLeaky opens the file through the http.FileSystem only to learn
// that it exists, the shape of analyzers/closecheck/testdata/src/fsopen.
func existsLeaky(fs http.FileSystem, name string) bool {
	if _, err := fs.Open(name); err != nil { //nolint:closecheck // the leak this test measures
		return false
	}
	return true
}

// existsFixed closes what it opened.
func existsFixed(fs http.FileSystem, name string) bool {
	f, err := fs.Open(name)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// TestFileSystemOpen: each call of the leaky handler through http.Dir
// leaves a descriptor on the file open (the collector, switched off,
// would be the only one to close it); the fixed one leaves none.
func TestFileSystemOpen(t *testing.T) {
	requireLinux(t)
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "page.html")
	if err := os.WriteFile(path, []byte("<p>"), 0o644); err != nil {
		t.Fatal(err)
	}
	fs := http.Dir(dir)
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	const calls = 20
	for _, c := range []struct {
		name   string
		exists func(http.FileSystem, string) bool
		want   int
	}{{"leaky", existsLeaky, calls}, {"fixed", existsFixed, 0}} {
		t.Run(c.name, func(t *testing.T) {
			before := descriptorsOn(t, path)
			for range calls {
				if !c.exists(fs, "/page.html") {
					t.Fatal("the file does not exist")
				}
			}
			grew := descriptorsOn(t, path) - before
			t.Logf("descriptors on the file grew by %d after %d calls", grew, calls)
			if grew != c.want {
				t.Errorf("descriptors grew by %d, want %d", grew, c.want)
			}
		})
	}
}
