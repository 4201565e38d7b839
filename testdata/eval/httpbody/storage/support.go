// Package storage is a small client for an S3-compatible object store:
// objects, listings and multipart uploads.
package storage

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// ErrNoSuchKey is returned when the object does not exist.
var ErrNoSuchKey = errors.New("storage: no such key")

// Client talks to one bucket. Requests are signed by the transport.
type Client struct {
	endpoint string
	bucket   string
	hc       *http.Client
}

// NewClient returns a client for bucket at endpoint.
func NewClient(endpoint, bucket string, hc *http.Client) *Client {
	return &Client{endpoint: strings.TrimRight(endpoint, "/"), bucket: bucket, hc: hc}
}

// ObjectInfo describes an object.
type ObjectInfo struct {
	Key  string `xml:"Key"`
	Size int64  `xml:"Size"`
	ETag string `xml:"ETag"`
}

// Part is one uploaded part of a multipart upload.
type Part struct {
	Number int    `xml:"PartNumber"`
	ETag   string `xml:"ETag"`
}

// S3Error is the error document of the store.
type S3Error struct {
	Status  int    `xml:"-"`
	Code    string `xml:"Code"`
	Message string `xml:"Message"`
}

func (e *S3Error) Error() string {
	return fmt.Sprintf("storage: %d %s: %s", e.Status, e.Code, e.Message)
}

func (c *Client) objectURL(key string) string {
	return c.endpoint + "/" + c.bucket + "/" + (&url.URL{Path: key}).EscapedPath()
}

func (c *Client) newRequest(ctx context.Context, method, u string, body io.Reader) (*http.Request, error) {
	return http.NewRequestWithContext(ctx, method, u, body)
}

// parseError reads the store's error document. It does not close the body.
func parseError(resp *http.Response) error {
	e := &S3Error{Status: resp.StatusCode}
	if err := xml.NewDecoder(io.LimitReader(resp.Body, 1<<16)).Decode(e); err != nil {
		e.Code = resp.Status
	}
	return e
}

// checkResponse turns a non-2xx answer into an error and closes its body;
// a 2xx body is left to the caller.
func checkResponse(resp *http.Response) error {
	if resp.StatusCode/100 == 2 {
		return nil
	}
	err := parseError(resp)
	resp.Body.Close()
	return err
}
