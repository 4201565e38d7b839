// Package sdkclient is an API client whose Do returns its Response (which
// embeds *http.Response) together with an error on a 4xx or 5xx status:
// the body is still open, and the caller must close it either way.
package sdkclient

import (
	"fmt"
	"net/http"
)

type Client struct{ HC *http.Client }

type Response struct {
	*http.Response
	RequestID string
}

type ErrorResponse struct{ Status int }

func (e *ErrorResponse) Error() string { return fmt.Sprintf("status %d", e.Status) }

func checkResponse(r *http.Response) error {
	if r.StatusCode < 400 {
		return nil
	}
	return &ErrorResponse{Status: r.StatusCode}
}

func (c *Client) Do(req *http.Request) (*Response, error) {
	resp, err := c.HC.Do(req)
	if err != nil {
		return nil, err
	}
	response := &Response{Response: resp, RequestID: resp.Header.Get("X-Request-Id")}
	if err := checkResponse(resp); err != nil {
		return response, err
	}
	return response, nil
}
