package production

import (
	"net/http"
	"net/url"
)

// defaultNames is a fixed table: a loop over it runs at most three times.
var defaultNames = []string{
	"Taskfile.yml",
	"Taskfile.yaml",
	"taskfile.yml",
}

// firstFound (go-task's shape): one request per default name, each body
// closed when the function returns; at most three are open at once, also
// while the fallback's request waits.
func firstFound(c *http.Client, base *url.URL) (*url.URL, error) {
	for _, name := range defaultNames {
		alt := base.JoinPath(name)
		resp, err := c.Get(alt.String())
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return alt, nil
		}
	}
	return fallback(c, base)
}

// searchPath grows with every call of AddSearchPath: a loop over it is not
// bounded by the table in the source.
var searchPath = []string{"a", "b"}

func AddSearchPath(p string) { searchPath = append(searchPath, p) }

func firstOnPath(c *http.Client, base *url.URL) (*url.URL, error) {
	for _, name := range searchPath {
		alt := base.JoinPath(name)
		resp, err := c.Get(alt.String()) // want `response body from c.Get is released by a defer inside the loop`
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return alt, nil
		}
	}
	return fallback(c, base)
}

// fallback asks for the default location when no name was found.
func fallback(c *http.Client, base *url.URL) (*url.URL, error) {
	resp, err := c.Head(base.String())
	if err != nil {
		return nil, err
	}
	resp.Body.Close()
	return base, nil
}

// firstOnPathOrNil returns right after the loop: all the bodies are
// closed then, and none is held across anything.
func firstOnPathOrNil(c *http.Client, base *url.URL) (*url.URL, error) {
	for _, name := range searchPath {
		alt := base.JoinPath(name)
		resp, err := c.Get(alt.String())
		if err != nil {
			return nil, err
		}
		defer resp.Body.Close()
		if resp.StatusCode == http.StatusOK {
			return alt, nil
		}
	}
	return nil, nil
}
