// Package export writes reports and snapshots to files, standard output
// and HTTP responses, plain or compressed.
package export

import (
	"compress/gzip"
	"net/http"
	"os"
	"sync"
	"time"
)

// Row is one exported line.
type Row struct {
	ID      int64     `json:"id"`
	Name    string    `json:"name"`
	Cents   int64     `json:"cents"`
	Updated time.Time `json:"updated"`
}

// Snapshot is the full state written by the snapshot exporter.
type Snapshot struct {
	TakenAt time.Time `json:"taken_at"`
	Rows    []Row     `json:"rows"`
}

// Journal appends JSON lines to a file for the life of the process.
type Journal struct {
	mu sync.Mutex
	f  *os.File
}

// Close closes the journal file.
func (j *Journal) Close() error {
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.f.Close()
}

// gzipResponseWriter compresses what the handler writes.
type gzipResponseWriter struct {
	http.ResponseWriter
	zw *gzip.Writer
}

func (w *gzipResponseWriter) Write(p []byte) (int, error) { return w.zw.Write(p) }

// Close flushes the compressed stream's trailer.
func (w *gzipResponseWriter) Close() error { return w.zw.Close() }

func record(r Row) []string {
	return []string{
		itoa(r.ID), r.Name, itoa(r.Cents), r.Updated.UTC().Format(time.RFC3339),
	}
}

func itoa(n int64) string {
	var buf [20]byte
	i := len(buf)
	neg := n < 0
	if neg {
		n = -n
	}
	for {
		i--
		buf[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	if neg {
		i--
		buf[i] = '-'
	}
	return string(buf[i:])
}

func recordsOf(rows []Row) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = record(r)
	}
	return out
}
