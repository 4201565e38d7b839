// Package oauth obtains and checks OAuth 2 tokens for the service's
// outgoing calls and its login flow.
package oauth

import (
	"errors"
	"net/http"
	"sync"
	"time"
)

// ErrAuthorizationPending is returned while the user has not yet approved
// a device code.
var ErrAuthorizationPending = errors.New("oauth: authorization pending")

// Token is an access token.
type Token struct {
	AccessToken  string    `json:"access_token"`
	TokenType    string    `json:"token_type"`
	RefreshToken string    `json:"refresh_token,omitempty"`
	ExpiresIn    int       `json:"expires_in"`
	Expiry       time.Time `json:"-"`
}

// Valid reports whether the token can still be used for a minute.
func (t *Token) Valid() bool {
	return t != nil && t.AccessToken != "" && time.Until(t.Expiry) > time.Minute
}

// Config describes the authorization server.
type Config struct {
	TokenURL      string
	IntrospectURL string
	RevokeURL     string
	JWKSURL       string
	UserInfoURL   string
	DeviceURL     string
	Issuer        string
	ClientID      string
	ClientSecret  string
}

// TokenSource caches a client-credentials token.
type TokenSource struct {
	cfg Config
	hc  *http.Client

	mu  sync.Mutex
	tok *Token
}

// NewTokenSource returns a TokenSource.
func NewTokenSource(cfg Config, hc *http.Client) *TokenSource {
	return &TokenSource{cfg: cfg, hc: hc}
}

// JWK is one key of a key set.
type JWK struct {
	Kid string `json:"kid"`
	Kty string `json:"kty"`
	N   string `json:"n"`
	E   string `json:"e"`
}

// tokenError is the error document of the token endpoint.
type tokenError struct {
	Code        string `json:"error"`
	Description string `json:"error_description"`
}

func (e *tokenError) Error() string { return "oauth: " + e.Code + ": " + e.Description }
