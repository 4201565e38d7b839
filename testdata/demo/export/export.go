// Package export writes orders to gzip-compressed CSV files, ships them off
// site and reads them back.
package export

import (
	"compress/gzip"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"github.com/leakvet/leakvet/testdata/demo/store"
)

// Exporter owns a directory of export files.
type Exporter struct {
	Dir string
	// UploadCmd copies a finished file off site (for example
	// {"rclone", "copyto"}); the file's path is appended. Empty: no upload.
	UploadCmd []string
	// NotifyCmd announces a finished file to whoever consumes exports;
	// the file's path is appended. Empty: no announcement.
	NotifyCmd []string
}

// Path maps an export name onto a file in e.Dir. Only the base name of name
// counts, so a request cannot reach outside the directory.
func (e *Exporter) Path(name string) string {
	return filepath.Join(e.Dir, filepath.Base(name)+".csv.gz")
}

// Export writes orders as the export name, checks the file, uploads it and
// announces it. It returns the file's path.
func (e *Exporter) Export(ctx context.Context, name string, orders []store.Order) (string, error) {
	path := e.Path(name)
	if err := write(path, orders); err != nil {
		return "", fmt.Errorf("export %s: %w", name, err)
	}
	n, err := Count(path)
	if err != nil {
		return "", err
	}
	if n != len(orders) {
		return "", fmt.Errorf("export %s: wrote %d orders, file holds %d", name, len(orders), n)
	}
	if err := e.Upload(ctx, path); err != nil {
		return "", err
	}
	if err := e.Announce(path); err != nil {
		return "", err
	}
	return path, nil
}

func write(path string, orders []store.Order) (err error) {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		// A failed Close of a written file can mean lost data.
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	records := make([][]string, 0, len(orders))
	for _, o := range orders {
		records = append(records, []string{
			strconv.FormatInt(o.ID, 10), o.CustomerID, o.Status, strconv.FormatInt(o.TotalCents, 10),
		})
	}
	zw := gzip.NewWriter(f)
	if err := csv.NewWriter(zw).WriteAll(records); err != nil {
		zw.Close()
		return err
	}
	return zw.Close()
}

// Count returns how many orders the export file at path holds.
func Count(path string) (int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return 0, fmt.Errorf("count %s: %w", path, err)
	}
	defer zr.Close()
	r := csv.NewReader(zr)
	n := 0
	for {
		_, err := r.Read()
		if errors.Is(err, io.EOF) {
			return n, nil
		}
		if err != nil {
			return 0, fmt.Errorf("count %s: %w", path, err)
		}
		n++
	}
}

// Import reads back the export called name.
func (e *Exporter) Import(name string) ([]store.Order, error) {
	path := e.Path(name)
	f, err := os.Open(path) // leak: closecheck: when the file is not gzip data the function returns before the deferred Close and the descriptor stays open
	if err != nil {
		return nil, err
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", name, err)
	}
	defer f.Close()
	defer zr.Close()
	records, err := csv.NewReader(zr).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("import %s: %w", name, err)
	}
	orders := make([]store.Order, 0, len(records))
	for i, rec := range records {
		if len(rec) != 4 {
			return nil, fmt.Errorf("import %s: record %d has %d fields", name, i+1, len(rec))
		}
		id, err := strconv.ParseInt(rec[0], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("import %s: record %d: %w", name, i+1, err)
		}
		total, err := strconv.ParseInt(rec[3], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("import %s: record %d: %w", name, i+1, err)
		}
		orders = append(orders, store.Order{ID: id, CustomerID: rec[1], Status: rec[2], TotalCents: total})
	}
	return orders, nil
}

// Upload runs UploadCmd on path and waits for it.
func (e *Exporter) Upload(ctx context.Context, path string) error {
	if len(e.UploadCmd) == 0 {
		return nil
	}
	args := append(e.UploadCmd[1:len(e.UploadCmd):len(e.UploadCmd)], path)
	out, err := exec.CommandContext(ctx, e.UploadCmd[0], args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("upload %s: %w: %s", path, err, out)
	}
	return nil
}

// Announce starts NotifyCmd on path. Consumers may take their time, so it
// does not wait for the command to finish.
func (e *Exporter) Announce(path string) error {
	if len(e.NotifyCmd) == 0 {
		return nil
	}
	args := append(e.NotifyCmd[1:len(e.NotifyCmd):len(e.NotifyCmd)], path)
	return exec.Command(e.NotifyCmd[0], args...).Start() // leak: closecheck: the process is started and never waited for, so each finished one stays a zombie
}
