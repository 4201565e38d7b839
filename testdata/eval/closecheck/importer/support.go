// Package importer loads customer and price feeds from CSV and JSON-lines
// files, plain or gzip-compressed, into the catalog.
package importer

import (
	"bufio"
	"compress/gzip"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
)

// ErrBadHeader is returned when a CSV file does not have the expected
// columns.
var ErrBadHeader = errors.New("importer: unexpected header")

// ErrTooLarge is returned for files over the size limit.
var ErrTooLarge = errors.New("importer: file too large")

// Record is one price line.
type Record struct {
	SKU   string
	Cents int64
}

// Sink receives imported records.
type Sink interface {
	Put(Record) error
}

// Importer reads feeds into a sink.
type Importer struct {
	sink     Sink
	log      *slog.Logger
	maxBytes int64
}

// New returns an Importer.
func New(sink Sink, log *slog.Logger) *Importer {
	return &Importer{sink: sink, log: log, maxBytes: 512 << 20}
}

var header = []string{"sku", "cents"}

// readRecords reads a headerless price CSV from r into the sink.
func (im *Importer) readRecords(cr *csv.Reader) (int, error) {
	n := 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		cents, err := strconv.ParseInt(rec[1], 10, 64)
		if err != nil {
			return n, fmt.Errorf("line %d: %w", n+2, err)
		}
		if err := im.sink.Put(Record{SKU: rec[0], Cents: cents}); err != nil {
			return n, err
		}
		n++
	}
}

// parse reads a whole price CSV, header included.
func (im *Importer) parse(r io.Reader) (int, error) {
	cr := csv.NewReader(bufio.NewReader(r))
	got, err := cr.Read()
	if err != nil {
		return 0, err
	}
	if len(got) != 2 || got[0] != header[0] || got[1] != header[1] {
		return 0, ErrBadHeader
	}
	return im.readRecords(cr)
}

// FeedReader reads a possibly compressed feed file; Close closes the file.
type FeedReader struct {
	f  *os.File
	zr *gzip.Reader
	io.Reader
}

// Close closes the decompressor and the file.
func (r *FeedReader) Close() error {
	if r.zr != nil {
		r.zr.Close()
	}
	return r.f.Close()
}

// Tailer follows a growing file.
type Tailer struct {
	f  *os.File
	br *bufio.Reader
}

// Close stops following.
func (t *Tailer) Close() error { return t.f.Close() }
