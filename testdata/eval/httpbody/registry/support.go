// Package registry is a client for an OCI container registry: token
// authentication, manifests, tags and blobs.
package registry

import (
	"errors"
	"net/http"
	"strings"
	"sync"
	"time"
)

// ErrTimeout is returned when the registry does not answer in time.
var ErrTimeout = errors.New("registry: timed out")

// ErrUnknownManifest is returned for a missing tag or digest.
var ErrUnknownManifest = errors.New("registry: manifest unknown")

// Client talks to one registry.
type Client struct {
	base    string
	hc      *http.Client
	noRedir *http.Client
	user    string
	pass    string
	timeout time.Duration

	mu    sync.Mutex
	token string
}

// New returns a client for the registry at base.
func New(base, user, pass string) *Client {
	tr := http.DefaultTransport
	return &Client{
		base: strings.TrimRight(base, "/"),
		hc:   &http.Client{Transport: tr},
		noRedir: &http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		}},
		user:    user,
		pass:    pass,
		timeout: 30 * time.Second,
	}
}

// Manifest is the part of an image manifest the client uses.
type Manifest struct {
	MediaType string `json:"mediaType"`
	Config    struct {
		Digest string `json:"digest"`
	} `json:"config"`
	Layers []struct {
		Digest string `json:"digest"`
		Size   int64  `json:"size"`
	} `json:"layers"`
}

func (c *Client) bearer() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.token
}

// Config is the registry-side configuration of a repository.
type Config struct {
	Immutable bool `json:"immutable"`
	MaxTags   int  `json:"max_tags"`
}

// defaultConfig is used when a repository has no configuration.
var defaultConfig = Config{MaxTags: 1000}
