package summaries

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
)

func Drain(resp *http.Response) { // want Drain:`lifetime\(releases param 0 always\)`
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
}

func Close[T io.Closer](c T) { // want Close:`lifetime\(releases param 0 always\)`
	_ = c.Close()
}

func CloseQuietly(c io.Closer) { // want CloseQuietly:`lifetime\(releases param 0 always\)`
	if c == nil {
		return
	}
	_ = c.Close()
}

func CheckStatus(resp *http.Response) error { // want CheckStatus:`lifetime\(releases param 0 on failure\)`
	if resp.StatusCode >= 300 {
		resp.Body.Close()
		return fmt.Errorf("unexpected status %d", resp.StatusCode)
	}
	return nil
}

func Fetch(c *http.Client, url string) (*http.Response, error) { // want Fetch:`lifetime\(returns owned http.Response in result 0\)`
	return c.Get(url)
}

type Client struct{ conn net.Conn }

func handshake(conn net.Conn) error {
	_, err := conn.Write([]byte("hello"))
	return err
}

func NewClient(conn net.Conn) (*Client, error) { // want NewClient:`lifetime\(keeps param 0 on success\)`
	if err := handshake(conn); err != nil {
		return nil, err
	}
	return &Client{conn: conn}, nil
}

func Inspect(resp *http.Response) int { return resp.StatusCode }

func Sometimes(c io.Closer, yes bool) {
	if yes {
		c.Close()
	}
}

func Recursive(c io.Closer, n int) error {
	if n == 0 {
		return errors.New("done")
	}
	return Recursive(c, n-1)
}
