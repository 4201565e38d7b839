package crash

import "net/http"

func boom(url string) { // want `internal error: leakvet could not analyze boom: forced failure for a test \(this is a bug in leakvet; please report it with this function\)`
	resp, _ := http.Get(url)
	_ = resp
}

func stillReported(url string) int {
	resp, err := http.Get(url) // want `response body from http.Get is not closed when returning at line 15`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}
