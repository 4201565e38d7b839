// Package apiclient talks to the customer and catalog API that the orders
// service depends on.
package apiclient

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Client is safe for concurrent use.
type Client struct {
	base string
	hc   *http.Client
}

// New returns a client for the API at baseURL. A nil hc means
// http.DefaultClient.
func New(baseURL string, hc *http.Client) *Client {
	if hc == nil {
		hc = http.DefaultClient
	}
	return &Client{base: strings.TrimRight(baseURL, "/"), hc: hc}
}

// Customer is an account as the API describes it.
type Customer struct {
	ID    string `json:"id"`
	Name  string `json:"name"`
	Email string `json:"email"`
}

// Product is a catalog entry as the API describes it.
type Product struct {
	SKU        string `json:"sku"`
	Name       string `json:"name"`
	PriceCents int64  `json:"price_cents"`
}

// StatusError is a non-2xx answer. Callers map Code onto their own answer
// (a 404 from the API is a 404 for our clients too).
type StatusError struct {
	Op   string
	Code int
	Msg  string
}

func (e *StatusError) Error() string {
	if e.Msg == "" {
		return fmt.Sprintf("%s: %d %s", e.Op, e.Code, http.StatusText(e.Code))
	}
	return fmt.Sprintf("%s: %d %s: %s", e.Op, e.Code, http.StatusText(e.Code), e.Msg)
}

// Customer fetches one customer.
func (c *Client) Customer(ctx context.Context, id string) (*Customer, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/customers/"+url.PathEscape(id), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.hc.Do(req) // leak: httpbody: on a non-2xx answer the function returns before the deferred Close, so the body and its connection stay open
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, &StatusError{Op: "get customer " + id, Code: resp.StatusCode}
	}
	defer resp.Body.Close()
	var cu Customer
	if err := json.NewDecoder(resp.Body).Decode(&cu); err != nil {
		return nil, fmt.Errorf("get customer %s: %w", id, err)
	}
	return &cu, nil
}

// Product fetches one catalog entry.
func (c *Client) Product(ctx context.Context, sku string) (*Product, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/products/"+url.PathEscape(sku), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		// Reading the (short) error body to its end also lets the
		// transport reuse the connection.
		msg, _ := io.ReadAll(io.LimitReader(resp.Body, 512))
		return nil, &StatusError{Op: "get product " + sku, Code: resp.StatusCode, Msg: string(bytes.TrimSpace(msg))}
	}
	var p Product
	if err := json.NewDecoder(resp.Body).Decode(&p); err != nil {
		return nil, fmt.Errorf("get product %s: %w", sku, err)
	}
	return &p, nil
}
