// Package quietdep holds test-support handlers that other packages'
// tests serve: some answer without a body, some with one.
package quietdep

import (
	"fmt"
	"io"
	"net/http"
)

// Accepted answers 202 and writes no body.
func Accepted(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Method", r.Method)
	w.WriteHeader(http.StatusAccepted)
}

// Hello writes a body.
func Hello(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, "hello")
}

// Recorder remembers the last request's path and answers nothing.
type Recorder struct{ Last string }

func (rec *Recorder) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rec.Last = r.URL.Path
}

// Echo writes the request's body back.
type Echo struct{}

func (Echo) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	io.Copy(w, r.Body)
}

// Release closes what the tests hand it.
func Release(c io.Closer) { c.Close() }
