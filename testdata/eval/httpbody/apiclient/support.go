// Package apiclient is the client for the projects API: projects, members,
// users, usage, artifacts and the event stream.
package apiclient

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"
)

// ErrNotFound is returned when the API answers 404.
var ErrNotFound = errors.New("apiclient: not found")

// Client is safe for concurrent use.
type Client struct {
	base        string
	token       string
	userAgent   string
	hc          *http.Client
	maxAttempts int
	backoff     time.Duration
}

// New returns a client for the API at base.
func New(base, token string, hc *http.Client) *Client {
	if hc == nil {
		hc = &http.Client{Transport: http.DefaultTransport}
	}
	return &Client{
		base:        strings.TrimRight(base, "/"),
		token:       token,
		userAgent:   "projects-go/1.4",
		hc:          hc,
		maxAttempts: 4,
		backoff:     250 * time.Millisecond,
	}
}

// Project is a project as the API describes it.
type Project struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	OwnerID   string    `json:"owner_id"`
	Archived  bool      `json:"archived"`
	CreatedAt time.Time `json:"created_at"`
}

// Membership is a user's role in a project.
type Membership struct {
	UserID string `json:"user_id"`
	Role   string `json:"role"`
}

// User is an account.
type User struct {
	ID    string `json:"id"`
	Email string `json:"email"`
	Name  string `json:"name"`
}

// Usage is the metered usage of an organisation for the current period.
type Usage struct {
	Builds     int   `json:"builds"`
	Minutes    int   `json:"minutes"`
	StorageMiB int64 `json:"storage_mib"`
}

// Event is one server-sent event from the project stream.
type Event struct {
	Type string
	Data string
}

// APIError is the JSON error document of a non-2xx answer.
type APIError struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *APIError) Error() string {
	return fmt.Sprintf("api error %d %s: %s", e.Status, e.Code, e.Message)
}

func (c *Client) newRequest(ctx context.Context, method, path string, body io.Reader) (*http.Request, error) {
	u := path
	if !strings.HasPrefix(path, "http://") && !strings.HasPrefix(path, "https://") {
		u = c.base + path
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.token)
	req.Header.Set("User-Agent", c.userAgent)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, nil
}

// errorFromResponse reads the error document of a non-2xx response. It
// does not close the body.
func errorFromResponse(resp *http.Response) error {
	apiErr := &APIError{Status: resp.StatusCode}
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if err := json.Unmarshal(data, apiErr); err != nil || apiErr.Code == "" {
		apiErr.Code = http.StatusText(resp.StatusCode)
		apiErr.Message = strings.TrimSpace(string(data))
	}
	return apiErr
}

// backoffFor returns the delay before the given retry, with full jitter.
func (c *Client) backoffFor(attempt int) time.Duration {
	d := c.backoff << attempt
	return time.Duration(rand.Int64N(int64(d)))
}

// retryAfter parses a Retry-After header given in seconds.
func retryAfter(h http.Header, def time.Duration) time.Duration {
	var secs int
	if _, err := fmt.Sscanf(h.Get("Retry-After"), "%d", &secs); err == nil && secs > 0 {
		return time.Duration(secs) * time.Second
	}
	return def
}

// EventStream reads server-sent events from an open response. Close must
// be called when the caller is done with it.
type EventStream struct {
	resp *http.Response
	sc   *bufio.Scanner
}

// Next returns the next event, or io.EOF at the end of the stream.
func (s *EventStream) Next() (Event, error) {
	var ev Event
	for s.sc.Scan() {
		line := s.sc.Text()
		switch {
		case line == "":
			if ev.Data != "" || ev.Type != "" {
				return ev, nil
			}
		case strings.HasPrefix(line, "event:"):
			ev.Type = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
		case strings.HasPrefix(line, "data:"):
			ev.Data += strings.TrimSpace(strings.TrimPrefix(line, "data:"))
		}
	}
	if err := s.sc.Err(); err != nil {
		return Event{}, err
	}
	return Event{}, io.EOF
}

// Close releases the stream's connection.
func (s *EventStream) Close() error {
	return s.resp.Body.Close()
}

// readCloser joins a reader layered over a body with the body's Close.
type readCloser struct {
	io.Reader
	io.Closer
}
