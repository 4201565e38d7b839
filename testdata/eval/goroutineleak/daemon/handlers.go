package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"time"
)

type built struct {
	rep report
	err error
}

// handleExport builds a report and streams it as CSV.
func (s *server) handleExport(w http.ResponseWriter, r *http.Request) {
	s.m.requests.Add(1)
	from, to, err := parseRange(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	account := r.URL.Query().Get("account")
	ch := make(chan built)
	// The build ignores the request's end; when the client goes away the
	// handler returns and the finished build blocks on ch forever.
	go func() { // eval:leak goroutineleak
		rep, err := s.b.Build(context.Background(), account, from, to)
		ch <- built{rep, err}
	}()
	select {
	case b := <-ch:
		if b.err != nil {
			s.m.failures.Add(1)
			http.Error(w, b.err.Error(), http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "text/csv")
		if err := b.rep.writeCSV(w); err != nil {
			log.Printf("export %s: %v", account, err)
		}
	case <-r.Context().Done():
		s.m.failures.Add(1)
	}
}

// handleExportAsync starts building a report into the spool and answers
// right away with the file name to poll.
func (s *server) handleExportAsync(w http.ResponseWriter, r *http.Request) {
	s.m.requests.Add(1)
	from, to, err := parseRange(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	account := r.URL.Query().Get("account")
	name := fmt.Sprintf("%s-%d.csv", account, time.Now().UnixNano())
	// Detached from the request on purpose, but bounded by its own
	// timeout and with nothing to hand back: it always finishes.
	go func() {
		s.m.inflight.Add(1)
		defer s.m.inflight.Add(-1)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		rep, err := s.b.Build(ctx, account, from, to)
		if err != nil {
			s.m.failures.Add(1)
			log.Printf("export %s: %v", account, err)
			return
		}
		if err := s.writeSpool(name, rep); err != nil {
			s.m.failures.Add(1)
			log.Printf("export %s: %v", account, err)
		}
	}()
	w.WriteHeader(http.StatusAccepted)
	fmt.Fprintln(w, name)
}

// buildWithDeadline builds a report but gives up after d, for the
// scheduled monthly exports.
func (s *server) buildWithDeadline(account string, from, to time.Time, d time.Duration) (report, error) {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	ch := make(chan built, 1)
	go func() {
		rep, err := s.b.Build(ctx, account, from, to)
		ch <- built{rep, err}
	}()
	select {
	case b := <-ch:
		return b.rep, b.err
	case <-ctx.Done():
		return report{}, ctx.Err()
	}
}
