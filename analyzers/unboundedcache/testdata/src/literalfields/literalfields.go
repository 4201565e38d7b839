// Package literalfields: a key read from a field of a local struct made
// by a literal is what the literal gives that field, not whatever its
// other fields hold.
package literalfields

import (
	"fmt"
	"net/http"
)

type command struct {
	Name string
	Long string
}

var commands = map[string]command{}

// The name is a constant; only the help text comes from the request.
func addCompletion(w http.ResponseWriter, r *http.Request) {
	completion := command{
		Name: "completion",
		Long: fmt.Sprintf("completion for %s", r.URL.Path),
	}
	commands[completion.Name] = completion
}

var byPath = map[string]command{} // want `package-level map byPath grows without bound: addByPath writes it with keys from c.Name \(parameter r\)`

// The name is the request's path.
func addByPath(w http.ResponseWriter, r *http.Request) {
	c := command{Name: r.URL.Path, Long: "help"}
	byPath[c.Name] = c
}

var renamed = map[string]command{} // want `package-level map renamed grows without bound: addRenamed writes it with keys from c.Name \(parameter r\)`

// The literal's name is a constant, but a later assignment replaces it.
func addRenamed(w http.ResponseWriter, r *http.Request) {
	c := command{Name: "fixed"}
	c.Name = r.URL.Query().Get("name")
	renamed[c.Name] = c
}

var copied = map[string]command{} // want `package-level map copied grows without bound: addCopied writes it with keys from c.Name \(parameter r\)`

// A second definition is no literal: the whole value is judged.
func addCopied(w http.ResponseWriter, r *http.Request) {
	c := command{Name: "fixed"}
	if r.Method == http.MethodPost {
		c = command{Name: r.URL.Path}
	}
	copied[c.Name] = c
}

func init() {
	http.HandleFunc("/completion", addCompletion)
	http.HandleFunc("/path", addByPath)
	http.HandleFunc("/renamed", addRenamed)
	http.HandleFunc("/copied", addCopied)
}
