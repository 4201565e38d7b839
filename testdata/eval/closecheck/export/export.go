package export

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"encoding/csv"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"leakvet.test/eval/internal/fsx"
)

// WriteCSV writes rows to a new CSV file and reports a failed close, which
// is where a full disk shows up.
func WriteCSV(path string, rows []Row) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(f)
	for _, r := range rows {
		if err := cw.Write(record(r)); err != nil {
			f.Close()
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// WriteTo writes rows as CSV to path, or to standard output when path is
// empty.
func WriteTo(path string, rows []Row) error {
	var w io.Writer = os.Stdout
	if path != "" {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		defer f.Close()
		w = f
	}
	cw := csv.NewWriter(w)
	for _, r := range rows {
		if err := cw.Write(record(r)); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// WriteOut is WriteTo with the output variable itself reassigned.
func WriteOut(path string, snap *Snapshot) (err error) {
	out := os.Stdout
	if path != "" && path != "-" {
		out, err = os.Create(path)
		if err != nil {
			return err
		}
		defer out.Close()
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(snap)
}

// WriteJSON writes the snapshot and syncs it to disk.
func WriteJSON(path string, snap *Snapshot) error {
	f, err := os.Create(path) // eval:leak closecheck
	if err != nil {
		return err
	}
	if err := json.NewEncoder(f).Encode(snap); err != nil {
		return err
	}
	return f.Sync()
}

// ReplaceFile writes rows to a temporary file and renames it over path.
func ReplaceFile(path string, rows []Row) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".export-*")
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(tmp)
	enc := json.NewEncoder(bw)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			return err
		}
	}
	if err := bw.Flush(); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// ReplaceSnapshot writes the snapshot through a temporary file.
func ReplaceSnapshot(path string, snap *Snapshot) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".snapshot-*") // eval:leak closecheck
	if err != nil {
		return err
	}
	if err := json.NewEncoder(tmp).Encode(snap); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// WriteAtomic writes the snapshot with the shared atomic writer.
func WriteAtomic(path string, snap *Snapshot) error {
	return fsx.WriteAtomic(path, 0o644, func(w io.Writer) error {
		return json.NewEncoder(w).Encode(snap)
	})
}

// WriteGzip writes rows as gzip-compressed JSON lines. On a failure the
// partial output is abandoned, compressor included.
func WriteGzip(path string, rows []Row) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := gzip.NewWriter(f)
	enc := json.NewEncoder(zw)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			return err
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return f.Close()
}

// StreamGzip writes the snapshot gzip-compressed to w.
func StreamGzip(w io.Writer, snap *Snapshot) error {
	zw := gzip.NewWriter(w) // eval:leak closecheck
	if err := json.NewEncoder(zw).Encode(snap); err != nil {
		return err
	}
	return zw.Flush()
}

// ServeSnapshot serves the snapshot, compressed when the client accepts
// it.
func ServeSnapshot(w http.ResponseWriter, r *http.Request, snap *Snapshot) {
	w.Header().Set("Content-Type", "application/json")
	if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		json.NewEncoder(w).Encode(snap)
		return
	}
	w.Header().Set("Content-Encoding", "gzip")
	zw := gzip.NewWriter(w)
	defer zw.Close()
	json.NewEncoder(zw).Encode(snap)
}

// Gzip is middleware that compresses responses for clients that accept
// it.
func Gzip(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			next.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Del("Content-Length")
		gw := &gzipResponseWriter{ResponseWriter: w, zw: gzip.NewWriter(w)}
		defer gw.Close()
		next.ServeHTTP(gw, r)
	})
}

// Deflate compresses a payload for the legacy zlib endpoint.
func Deflate(payload []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw := zlib.NewWriter(&buf) // eval:leak closecheck
	if _, err := zw.Write(payload); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// DeflateLevel compresses a payload at the given level.
func DeflateLevel(payload []byte, level int) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := zlib.NewWriterLevel(&buf, level)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(payload); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// RawDeflate compresses a payload as a raw DEFLATE stream.
func RawDeflate(payload []byte) ([]byte, error) {
	var buf bytes.Buffer
	fw, err := flate.NewWriter(&buf, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	fw.Write(payload)
	if err := fw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// OpenJournal opens the append-only journal.
func OpenJournal(path string) (*Journal, error) {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return nil, err
	}
	return &Journal{f: f}, nil
}

// Append writes one entry to the journal.
func (j *Journal) Append(v any) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return json.NewEncoder(j.f).Encode(v)
}

// WriteManifest writes the manifest of an export; the shared helper is
// meant to close the file only when something failed.
func WriteManifest(path string, files []string) (err error) {
	f, err := os.Create(path) // eval:leak closecheck
	if err != nil {
		return err
	}
	defer fsx.CloseOnError(f, &err)
	for _, name := range files {
		if _, err = io.WriteString(f, name+"\n"); err != nil {
			return err
		}
	}
	return nil
}

// CreateSpool creates a spool file with its header written and hands it
// to the caller; on failure the helper closes it.
func CreateSpool(path string) (f *os.File, err error) {
	f, err = os.Create(path)
	if err != nil {
		return nil, err
	}
	defer fsx.CloseOnError(f, &err)
	if _, err = f.WriteString("# spool v2\n"); err != nil {
		return nil, err
	}
	return f, nil
}

// AppendLines appends lines to a text file.
func AppendLines(path string, lines []string) (err error) {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	w := bufio.NewWriter(f)
	for _, l := range lines {
		if _, err := w.WriteString(l + "\n"); err != nil {
			return err
		}
	}
	return w.Flush()
}

// WriteReport writes rows to path when it is set and to standard error
// otherwise, for the CLI's --report flag.
func WriteReport(path string, rows []Row) error {
	out := os.Stderr
	if path != "" {
		f, err := os.Create(path) // eval:leak closecheck
		if err != nil {
			return err
		}
		out = f
	}
	cw := csv.NewWriter(out)
	cw.WriteAll(recordsOf(rows))
	return cw.Error()
}
