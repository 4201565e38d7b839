// Package standinreal wraps http.Client in a type of its own that it
// converts to another package's client interface: the wrapper hands out
// the client's response, whose body the caller owns.
package standinreal

import (
	"log"
	"net/http"

	"clientiface"
)

// logged logs each request and sends it with the client.
type logged struct{ c *http.Client }

func (l logged) Do(r *http.Request) (*http.Response, error) {
	log.Println(r.Method, r.URL)
	return l.c.Do(r)
}

func (l logged) Get(u string) (*http.Response, error) {
	log.Println("GET", u)
	return l.c.Get(u)
}

func newClient() clientiface.Client { return logged{http.DefaultClient} }

func status(c clientiface.Client, u string) (int, error) {
	resp, err := c.Get(u) // want `response body from c.Get is not closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

func statusClosed(c clientiface.Client, u string) (int, error) {
	resp, err := c.Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return resp.StatusCode, nil
}
