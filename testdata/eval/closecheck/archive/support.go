// Package archive creates and extracts the zip and tar.gz bundles of the
// backup and release tooling.
package archive

import (
	"errors"
	"path/filepath"
	"strings"
)

// ErrUnsafePath is returned for archive entries that would escape the
// destination directory.
var ErrUnsafePath = errors.New("archive: entry escapes destination")

// maxEntry bounds the size of one extracted entry.
const maxEntry = 1 << 30

// safeJoin joins dest and an entry name, refusing names that escape dest.
func safeJoin(dest, name string) (string, error) {
	p := filepath.Join(dest, name)
	if !strings.HasPrefix(p, filepath.Clean(dest)+string(filepath.Separator)) {
		return "", ErrUnsafePath
	}
	return p, nil
}
