package importer

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/csv"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"leakvet.test/eval/internal/fsx"
)

// ImportFile imports one price CSV.
func (im *Importer) ImportFile(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	n, err := im.parse(f)
	if err != nil {
		return n, fmt.Errorf("%s: %w", path, err)
	}
	return n, nil
}

// ImportChecked imports a price CSV after checking its header and size.
func (im *Importer) ImportChecked(path string) (int, error) {
	f, err := os.Open(path) // eval:leak closecheck
	if err != nil {
		return 0, err
	}
	st, err := f.Stat()
	if err != nil {
		return 0, err
	}
	if st.Size() > im.maxBytes {
		return 0, fmt.Errorf("%s: %w", path, ErrTooLarge)
	}
	defer f.Close()
	return im.parse(f)
}

// openInput opens path for reading; "-" means standard input.
func openInput(path string) (*os.File, error) {
	if path == "-" {
		return os.Stdin, nil
	}
	return os.Open(path)
}

// ImportPath imports from a path or from standard input.
func (im *Importer) ImportPath(path string) (int, error) {
	in, err := openInput(path)
	if err != nil {
		return 0, err
	}
	if in != os.Stdin {
		defer in.Close()
	}
	return im.parse(in)
}

// ImportReader imports from a path or, for "-", from standard input,
// without the helper.
func (im *Importer) ImportReader(path string) (int, error) {
	var r io.Reader = os.Stdin
	if path != "-" {
		f, err := os.Open(path) // eval:leak closecheck
		if err != nil {
			return 0, err
		}
		r = f
	}
	return im.parse(r)
}

// ImportAll imports several files and stops at the first bad one.
func (im *Importer) ImportAll(paths []string) (int, error) {
	total := 0
	for _, p := range paths {
		f, err := os.Open(p) // eval:leak closecheck
		if err != nil {
			return total, err
		}
		n, err := im.parse(f)
		if err != nil {
			return total, fmt.Errorf("%s: %w", p, err)
		}
		f.Close()
		total += n
	}
	return total, nil
}

// ImportBatch imports several files, keeping each open until the batch
// is done.
func (im *Importer) ImportBatch(paths []string) (int, error) {
	total := 0
	for _, p := range paths {
		f, err := os.Open(p) // eval:leak closecheck
		if err != nil {
			return total, err
		}
		defer f.Close()
		n, err := im.parse(f)
		if err != nil {
			return total, fmt.Errorf("%s: %w", p, err)
		}
		total += n
	}
	return total, nil
}

// ImportEach imports several files, each closed by the end of its own
// function literal.
func (im *Importer) ImportEach(paths []string) (int, error) {
	total := 0
	for _, p := range paths {
		n, err := func() (int, error) {
			f, err := os.Open(p)
			if err != nil {
				return 0, err
			}
			defer f.Close()
			return im.parse(f)
		}()
		if err != nil {
			return total, fmt.Errorf("%s: %w", p, err)
		}
		total += n
	}
	return total, nil
}

// ImportDir imports every .csv file of dir.
func (im *Importer) ImportDir(dir string) (int, error) {
	matches, err := filepath.Glob(filepath.Join(dir, "*.csv"))
	if err != nil {
		return 0, err
	}
	total := 0
	for _, m := range matches {
		n, err := im.ImportFile(m)
		if err != nil {
			im.log.Warn("skipping feed", "path", m, "err", err)
			continue
		}
		total += n
	}
	return total, nil
}

// OpenFeed opens a feed, decompressing .gz files.
func OpenFeed(path string) (*FeedReader, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if !strings.HasSuffix(path, ".gz") {
		return &FeedReader{f: f, Reader: f}, nil
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &FeedReader{f: f, zr: zr, Reader: zr}, nil
}

// OpenCompressed opens a feed that must be gzip-compressed.
func OpenCompressed(path string) (*FeedReader, error) {
	f, err := os.Open(path) // eval:leak closecheck
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: not a gzip feed: %w", path, err)
	}
	return &FeedReader{f: f, zr: zr, Reader: zr}, nil
}

// Tail opens a log for following from its end.
func Tail(path string) (*Tailer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	if _, err := f.Seek(0, io.SeekEnd); err != nil {
		f.Close()
		return nil, err
	}
	return &Tailer{f: f, br: bufio.NewReader(f)}, nil
}

// Checksum returns the SHA-256 of a file.
func Checksum(path string) (string, error) {
	f, err := os.Open(path) // eval:leak closecheck
	if err != nil {
		return "", err
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	f.Close()
	return hex.EncodeToString(h.Sum(nil)), nil
}

// LoadMapping reads the SKU rename table, a JSON object.
func LoadMapping(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fsx.CloseAndLog(f, path)
	m := map[string]string{}
	if err := json.NewDecoder(f).Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return m, nil
}

// LoadAliases reads the SKU alias list; the file is small enough to read
// at once.
func LoadAliases(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return strings.Fields(string(data)), nil
}

// ImportFromRoot imports a feed named by an upload, confined to the upload
// directory.
func (im *Importer) ImportFromRoot(dir, name string) (int, error) {
	root, err := os.OpenRoot(dir)
	if err != nil {
		return 0, err
	}
	defer root.Close()
	f, err := root.Open(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return im.parse(f)
}

// UploadSize returns the size of an uploaded feed, refusing files over the
// limit, confined to the upload directory.
func (im *Importer) UploadSize(root *os.Root, name string) (int64, error) {
	f, err := root.Open(name) // eval:leak closecheck
	if err != nil {
		return 0, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return 0, err
	}
	if st.Size() > im.maxBytes {
		return 0, ErrTooLarge
	}
	f.Close()
	return st.Size(), nil
}

// CountLines counts the records of a feed without importing them.
func CountLines(path string) (n int, err error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	cr := csv.NewReader(f)
	for {
		_, err := cr.Read()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}

// ListFeeds returns the feed names of a directory, newest last.
func ListFeeds(dir string) ([]string, error) {
	d, err := os.Open(dir) // eval:leak closecheck
	if err != nil {
		return nil, err
	}
	names, err := d.Readdirnames(-1)
	if err != nil {
		return nil, err
	}
	d.Close()
	var feeds []string
	for _, n := range names {
		if strings.HasSuffix(n, ".csv") || strings.HasSuffix(n, ".csv.gz") {
			feeds = append(feeds, n)
		}
	}
	return feeds, nil
}
