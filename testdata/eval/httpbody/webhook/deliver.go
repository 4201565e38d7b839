package webhook

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"
	"time"
)

// Deliver sends one event to one endpoint once.
func (s *Sender) Deliver(ctx context.Context, ep Endpoint, ev Event) error {
	payload, err := json.Marshal(ev)
	if err != nil {
		return err
	}
	req, err := s.newRequest(ctx, ep, payload)
	if err != nil {
		return err
	}
	resp, err := s.hc.Do(req)
	if err != nil {
		return fmt.Errorf("webhook %s: %w", ep.ID, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode >= 300 {
		return &DeliveryError{Endpoint: ep.ID, Status: resp.StatusCode}
	}
	return nil
}

// DeliverRaw posts an already encoded payload and reports whether the
// endpoint accepted it.
func (s *Sender) DeliverRaw(ctx context.Context, ep Endpoint, payload []byte) error {
	req, err := s.newRequest(ctx, ep, payload)
	if err != nil {
		return err
	}
	resp, err := s.hc.Do(req) // eval:leak httpbody
	if err != nil {
		return err
	}
	if resp.StatusCode >= 300 {
		return &DeliveryError{Endpoint: ep.ID, Status: resp.StatusCode}
	}
	resp.Body.Close()
	return nil
}

// Ping sends a test event; the endpoint's answer body is of no interest.
func (s *Sender) Ping(ctx context.Context, ep Endpoint) error {
	payload := []byte(`{"type":"ping"}`)
	req, err := s.newRequest(ctx, ep, payload)
	if err != nil {
		return err
	}
	_, err = s.hc.Do(req) // eval:leak httpbody
	return err
}

// Notify sends the event in the background and only logs failures.
func (s *Sender) Notify(ep Endpoint, ev Event) {
	payload, err := json.Marshal(ev)
	if err != nil {
		s.log.Error("encode webhook event", "err", err)
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		req, err := s.newRequest(ctx, ep, payload)
		if err != nil {
			s.log.Error("webhook request", "endpoint", ep.ID, "err", err)
			return
		}
		resp, err := s.hc.Do(req)
		if err != nil {
			s.log.Warn("webhook failed", "endpoint", ep.ID, "err", err)
			return
		}
		resp.Body.Close()
		if resp.StatusCode >= 300 {
			s.log.Warn("webhook rejected", "endpoint", ep.ID, "status", resp.StatusCode)
		}
	}()
}

// Broadcast delivers the event to every endpoint concurrently and returns
// the endpoints that failed.
func (s *Sender) Broadcast(ctx context.Context, eps []Endpoint, ev Event) []string {
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		failed []string
	)
	for _, ep := range eps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.Deliver(ctx, ep, ev); err != nil {
				mu.Lock()
				failed = append(failed, ep.ID)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	return failed
}

// FanOut posts the payload to every URL concurrently and collects the
// errors.
func (s *Sender) FanOut(urls []string, payload []byte) []error {
	errs := make(chan error, len(urls))
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func(u string) {
			defer wg.Done()
			resp, err := s.hc.Post(u, "application/json", bytes.NewReader(payload)) // eval:leak httpbody
			if err != nil {
				errs <- err
				return
			}
			if resp.StatusCode >= 400 {
				errs <- fmt.Errorf("%s: %s", u, resp.Status)
				return
			}
			resp.Body.Close()
		}(u)
	}
	wg.Wait()
	close(errs)
	var out []error
	for err := range errs {
		out = append(out, err)
	}
	return out
}

// DeliverWithRetry retries retryable answers with exponential backoff.
func (s *Sender) DeliverWithRetry(ctx context.Context, ep Endpoint, payload []byte) error {
	delay := s.backoff
	for attempt := 1; ; attempt++ {
		req, err := s.newRequest(ctx, ep, payload)
		if err != nil {
			return err
		}
		resp, err := s.hc.Do(req)
		var status int
		if err == nil {
			status = resp.StatusCode
			resp.Body.Close()
			if status < 300 {
				return nil
			}
			if !retryable(status) {
				return &DeliveryError{Endpoint: ep.ID, Status: status}
			}
		}
		if attempt == s.maxAttempts {
			return fmt.Errorf("webhook %s: giving up after %d attempts (last status %d): %v", ep.ID, attempt, status, err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(delay):
		}
		delay *= 2
	}
}

// DeliverOrDisable delivers once and disables the endpoint when it
// answers 410 Gone.
func (s *Sender) DeliverOrDisable(ctx context.Context, ep Endpoint, payload []byte) error {
	req, err := s.newRequest(ctx, ep, payload)
	if err != nil {
		return err
	}
	resp, err := s.hc.Do(req) // eval:leak httpbody
	if err != nil {
		return err
	}
	if resp.StatusCode == http.StatusGone {
		s.disable(ep.ID)
		return ErrGone
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return &DeliveryError{Endpoint: ep.ID, Status: resp.StatusCode}
	}
	return nil
}

// PostToChat posts a plain-text message to a chat incoming-webhook URL.
func PostToChat(hookURL, text string) error {
	form := url.Values{"payload": {fmt.Sprintf(`{"text":%q}`, text)}}
	resp, err := http.PostForm(hookURL, form)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := resp.Body.Close(); cerr != nil {
			fmt.Println("chat webhook: close:", cerr)
		}
	}()
	if resp.StatusCode != http.StatusOK {
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 256))
		return fmt.Errorf("chat webhook: %s: %s", resp.Status, msg)
	}
	return nil
}

// DeliverAll delivers a queue of events to one endpoint in order and stops
// at the first rejection.
func (s *Sender) DeliverAll(ctx context.Context, ep Endpoint, events []Event) (int, error) {
	for i, ev := range events {
		payload, err := json.Marshal(ev)
		if err != nil {
			return i, err
		}
		req, err := s.newRequest(ctx, ep, payload)
		if err != nil {
			return i, err
		}
		resp, err := s.hc.Do(req)
		if err != nil {
			return i, err
		}
		ok := resp.StatusCode < 300
		resp.Body.Close()
		if !ok {
			return i, &DeliveryError{Endpoint: ep.ID, Status: resp.StatusCode}
		}
	}
	return len(events), nil
}

// VerifyEndpoint performs the subscription handshake: the endpoint must
// echo the challenge.
func (s *Sender) VerifyEndpoint(ctx context.Context, ep Endpoint, challenge string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, ep.URL+"?challenge="+url.QueryEscape(challenge), nil)
	if err != nil {
		return err
	}
	resp, err := s.hc.Do(req)
	if err != nil {
		return err
	}
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 256))
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || string(bytes.TrimSpace(body)) != challenge {
		return fmt.Errorf("webhook %s: challenge not echoed", ep.ID)
	}
	return nil
}
