package main

import (
	"context"
	"errors"
	"flag"
	"log"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	spool := flag.String("spool", "/var/spool/exportd", "spool directory")
	flag.Parse()

	s := &server{b: stubBuilder{}, m: &metrics{}, spool: *spool, recent: map[string]time.Time{}}
	// Started once and meant to run as long as the process does.
	go s.logMetrics(time.Minute)
	go s.sweepSpool(10 * time.Minute)

	mux := http.NewServeMux()
	mux.HandleFunc("/export", s.handleExport)
	mux.HandleFunc("/export/async", s.handleExportAsync)
	s.httpSrv = &http.Server{Addr: *addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	// Waits for the one signal that ends the process; sigs is buffered
	// as signal.Notify requires.
	go func() {
		<-sigs
		ctx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
		defer cancel()
		if err := s.httpSrv.Shutdown(ctx); err != nil {
			log.Printf("shutdown: %v", err)
		}
	}()

	if err := s.httpSrv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}

func (s *server) logMetrics(every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	for range t.C {
		log.Printf("exportd: requests=%d failures=%d inflight=%d",
			s.m.requests.Load(), s.m.failures.Load(), s.m.inflight.Load())
	}
}

func (s *server) sweepSpool(every time.Duration) {
	for {
		time.Sleep(every)
		entries, err := os.ReadDir(s.spool)
		if err != nil {
			log.Printf("exportd: sweep: %v", err)
			continue
		}
		for _, e := range entries {
			info, err := e.Info()
			if err != nil || time.Since(info.ModTime()) < 24*time.Hour {
				continue
			}
			if err := os.Remove(filepath.Join(s.spool, e.Name())); err != nil {
				log.Printf("exportd: sweep: %v", err)
			}
		}
	}
}
