// Package standintest sends through another package's client interface;
// its tests make an in-memory stand-in for it. The stand-in is a value of
// the test build alone: the package's own code still gets the bodies of
// whatever client its callers give it.
package standintest

import "clientiface"

func status(c clientiface.Client, u string) (int, error) {
	resp, err := c.Get(u) // want `response body from c.Get is not closed`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
