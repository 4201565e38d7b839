// Command exportd serves report exports for the billing UI and keeps its
// local spool and metrics up to date in the background.
package main

import (
	"context"
	"encoding/csv"
	"errors"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"
)

type report struct {
	Header []string
	Rows   [][]string
}

func (r report) writeCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(r.Header); err != nil {
		return err
	}
	if err := cw.WriteAll(r.Rows); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

type builder interface {
	Build(ctx context.Context, account string, from, to time.Time) (report, error)
}

type metrics struct {
	requests atomic.Int64
	failures atomic.Int64
	inflight atomic.Int64
}

type server struct {
	b       builder
	m       *metrics
	spool   string
	mu      sync.Mutex
	recent  map[string]time.Time
	httpSrv *http.Server
}

var errBadRange = errors.New("bad range")

func parseRange(r *http.Request) (time.Time, time.Time, error) {
	from, err := time.Parse("2006-01-02", r.URL.Query().Get("from"))
	if err != nil {
		return time.Time{}, time.Time{}, errBadRange
	}
	to, err := time.Parse("2006-01-02", r.URL.Query().Get("to"))
	if err != nil || to.Before(from) {
		return time.Time{}, time.Time{}, errBadRange
	}
	return from, to, nil
}

type stubBuilder struct{}

func (stubBuilder) Build(ctx context.Context, account string, from, to time.Time) (report, error) {
	select {
	case <-time.After(50 * time.Millisecond):
	case <-ctx.Done():
		return report{}, ctx.Err()
	}
	return report{Header: []string{"account", "from", "to"}, Rows: [][]string{{account, from.Format(time.DateOnly), to.Format(time.DateOnly)}}}, nil
}

func (s *server) writeSpool(name string, rep report) error {
	f, err := os.CreateTemp(s.spool, "tmp-*")
	if err != nil {
		return err
	}
	if err := rep.writeCSV(f); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	return os.Rename(f.Name(), filepath.Join(s.spool, name))
}
