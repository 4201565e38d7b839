// Package sdkuser calls sdkclient from another package: the client's
// summary says its response comes back open with an error too.
package sdkuser

import (
	"net/http"
	"sdkclient"
)

func closedOnlyOnSuccess(c *sdkclient.Client, req *http.Request) (string, error) {
	resp, err := c.Do(req) // want `response body from c.Do is not closed when returning at line 13 \(c.Do returns it unreleased at sdkclient.go:36\)`
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	return resp.RequestID, nil
}

func closedEitherWay(c *sdkclient.Client, req *http.Request) (string, error) {
	resp, err := c.Do(req)
	if resp != nil {
		defer resp.Body.Close()
	}
	if err != nil {
		return "", err
	}
	return resp.RequestID, nil
}
