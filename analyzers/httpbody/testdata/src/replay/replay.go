// Package replay answers requests with a response it was given: nothing
// it returns holds a connection.
package replay

import "net/http"

type Replayer struct{ Last *http.Response }

func (r Replayer) Do(*http.Request) (*http.Response, error) { return r.Last, nil }
