package metrics

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"time"
)

var (
	// Gauges set since the last push; the pusher swaps in a fresh map
	// every interval.
	pending = map[string]float64{}

	// Names of gauges that failed to push; cleared after each successful
	// push.
	pushFailures = map[string]int{}

	pushClient = &http.Client{Timeout: 5 * time.Second}
)

// SetGauge records the current value of a named gauge.
func SetGauge(name string, v float64) {
	mu.Lock()
	pending[name] = v
	mu.Unlock()
}

// Push sends pending gauges to url every interval until ctx is done.
func Push(ctx context.Context, url string, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		mu.Lock()
		batch := pending
		pending = map[string]float64{}
		mu.Unlock()

		var buf bytes.Buffer
		for name, v := range batch {
			fmt.Fprintf(&buf, "%s %g\n", name, v)
		}
		if err := send(ctx, url, &buf); err != nil {
			mu.Lock()
			for name := range batch {
				pushFailures[name]++
			}
			mu.Unlock()
			continue
		}
		mu.Lock()
		clear(pushFailures)
		mu.Unlock()
	}
}

func send(ctx context.Context, url string, body *bytes.Buffer) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, body)
	if err != nil {
		return err
	}
	resp, err := pushClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("push: %s", resp.Status)
	}
	return nil
}
