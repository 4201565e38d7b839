package nobody

import (
	"net/http"
	"net/http/httptest"

	"quietdep"
)

// importedQuiet: a handler of another package that writes no body.
func importedQuiet() (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(quietdep.Accepted))
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// importedLoud: a handler of another package that writes a body.
func importedLoud() (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(quietdep.Hello))
	defer srv.Close()
	resp, err := http.Get(srv.URL) // want `response body from http.Get is not closed when returning at line 29`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// importedRecorder: a handler type of another package whose ServeHTTP
// writes no body.
func importedRecorder() (string, error) {
	rec := &quietdep.Recorder{}
	srv := httptest.NewServer(rec)
	defer srv.Close()
	resp, err := srv.Client().Get(srv.URL + "/seen")
	if err != nil {
		return "", err
	}
	return resp.Status + rec.Last, nil
}

// importedEcho: a handler type of another package that writes a body.
func importedEcho() (int, error) {
	srv := httptest.NewServer(quietdep.Echo{})
	defer srv.Close()
	resp, err := http.Get(srv.URL) // want `response body from http.Get is not closed when returning at line 53`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
