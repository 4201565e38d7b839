package ifaceimpls

import (
	"net/http"

	"replay"
)

// fetcher's values are the default client and, set up with the package,
// a recorder of another package that answers from memory: what its Do
// returns is not an open connection, so the call acquires nothing.
type fetcher interface {
	Do(req *http.Request) (*http.Response, error)
}

var (
	liveFetch   fetcher = http.DefaultClient
	replayFetch fetcher = replay.Replayer{}
)

func Fetched2(live bool, req *http.Request) (int, error) {
	f := replayFetch
	if live {
		f = liveFetch
	}
	resp, err := f.Do(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
