// Package webhook delivers signed event notifications to subscriber
// endpoints.
package webhook

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// ErrGone is returned when an endpoint answers 410: the subscriber asked to
// be removed.
var ErrGone = errors.New("webhook: endpoint gone")

// Event is one notification.
type Event struct {
	ID        string         `json:"id"`
	Type      string         `json:"type"`
	CreatedAt time.Time      `json:"created_at"`
	Data      map[string]any `json:"data"`
}

// Endpoint is a subscriber.
type Endpoint struct {
	ID     string
	URL    string
	Secret []byte
}

// Sender delivers events.
type Sender struct {
	hc          *http.Client
	log         *slog.Logger
	maxAttempts int
	backoff     time.Duration

	mu       sync.Mutex
	disabled map[string]bool
}

// NewSender returns a Sender using hc.
func NewSender(hc *http.Client, log *slog.Logger) *Sender {
	return &Sender{hc: hc, log: log, maxAttempts: 5, backoff: time.Second, disabled: map[string]bool{}}
}

// DeliveryError is a non-2xx answer from an endpoint.
type DeliveryError struct {
	Endpoint string
	Status   int
}

func (e *DeliveryError) Error() string {
	return fmt.Sprintf("webhook %s: status %d", e.Endpoint, e.Status)
}

func sign(secret, payload []byte, ts time.Time) string {
	mac := hmac.New(sha256.New, secret)
	mac.Write([]byte(strconv.FormatInt(ts.Unix(), 10)))
	mac.Write([]byte("."))
	mac.Write(payload)
	return hex.EncodeToString(mac.Sum(nil))
}

func (s *Sender) disable(endpointID string) {
	s.mu.Lock()
	s.disabled[endpointID] = true
	s.mu.Unlock()
}

func retryable(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500
}

func (s *Sender) newRequest(ctx context.Context, ep Endpoint, payload []byte) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, ep.URL, bytes.NewReader(payload))
	if err != nil {
		return nil, err
	}
	now := time.Now()
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Webhook-Timestamp", strconv.FormatInt(now.Unix(), 10))
	req.Header.Set("Webhook-Signature", sign(ep.Secret, payload, now))
	return req, nil
}
