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
// closed when the function returns; at most three are open at once.
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
	return nil, nil
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
	return nil, nil
}
