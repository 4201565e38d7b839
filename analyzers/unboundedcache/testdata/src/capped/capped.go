// Package capped holds maps trimmed to a size before some writes: a
// write that skips the size check grows the map all the same.
package capped

import (
	"net/http"
	"regexp"
	"sync"
)

const maxPatterns = 100

var mu sync.Mutex

// patterns is trimmed by compiled, and written without the trim by
// compiledTemplate.
var patterns = map[string]*regexp.Regexp{} // want `package-level map patterns grows without bound: compiledTemplate writes it with keys from parameter tmpl without the size check that caps the map's other writes; use a bounded LRU or TTL cache \(github.com/hashicorp/golang-lru/v2/expirable\)`

func compiled(pat string) (*regexp.Regexp, error) {
	mu.Lock()
	defer mu.Unlock()
	if re, ok := patterns[pat]; ok {
		return re, nil
	}
	re, err := regexp.Compile(pat)
	if err != nil {
		return nil, err
	}
	for len(patterns) >= maxPatterns {
		for k := range patterns {
			delete(patterns, k)
			break
		}
	}
	patterns[pat] = re
	return re, nil
}

func compiledTemplate(tmpl string) (*regexp.Regexp, error) {
	mu.Lock()
	defer mu.Unlock()
	if re, ok := patterns[tmpl]; ok {
		return re, nil
	}
	re, err := regexp.Compile("^" + tmpl + "$")
	if err != nil {
		return nil, err
	}
	patterns[tmpl] = re
	return re, nil
}

func matchHandler(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	re, err := compiled(q.Get("pattern"))
	if err == nil {
		_ = re.MatchString(q.Get("s"))
	}
	re, err = compiledTemplate(q.Get("template"))
	if err == nil {
		_ = re.MatchString(q.Get("s"))
	}
}

// globs is trimmed before every write, one of them made by a helper that
// only the trimming function calls.
var globs = map[string]*regexp.Regexp{}

func compiledGlob(pat string) (*regexp.Regexp, error) {
	mu.Lock()
	defer mu.Unlock()
	if re, ok := globs[pat]; ok {
		return re, nil
	}
	re, err := regexp.Compile(pat)
	if err != nil {
		return nil, err
	}
	if len(globs) >= maxPatterns {
		clearSome()
	}
	keep(pat, re)
	return re, nil
}

func clearSome() {
	for k := range globs {
		delete(globs, k)
		break
	}
}

func keep(pat string, re *regexp.Regexp) { globs[pat] = re }

func globHandler(w http.ResponseWriter, r *http.Request) {
	if re, err := compiledGlob(r.URL.Query().Get("glob")); err == nil {
		_ = re.MatchString(r.URL.Path)
	}
}

var (
	_ = http.HandlerFunc(matchHandler)
	_ = http.HandlerFunc(globHandler)
)
