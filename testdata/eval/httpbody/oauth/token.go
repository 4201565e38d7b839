package oauth

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"leakvet.test/eval/internal/httpx"
)

// fetch requests a new token with the client-credentials grant.
func (s *TokenSource) fetch(ctx context.Context, scopes []string) (*Token, error) {
	form := url.Values{"grant_type": {"client_credentials"}, "scope": {strings.Join(scopes, " ")}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.cfg.TokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.SetBasicAuth(url.QueryEscape(s.cfg.ClientID), url.QueryEscape(s.cfg.ClientSecret))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := s.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		var te tokenError
		if json.NewDecoder(resp.Body).Decode(&te) == nil && te.Code != "" {
			return nil, &te
		}
		return nil, fmt.Errorf("oauth: token endpoint: %s", resp.Status)
	}
	var tok Token
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil {
		return nil, err
	}
	tok.Expiry = time.Now().Add(time.Duration(tok.ExpiresIn) * time.Second)
	return &tok, nil
}

// Token returns the cached token, fetching a new one when it expired.
func (s *TokenSource) Token(ctx context.Context) (*Token, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tok.Valid() {
		return s.tok, nil
	}
	tok, err := s.fetch(ctx, nil)
	if err != nil {
		return nil, err
	}
	s.tok = tok
	return tok, nil
}

// Refresh exchanges a refresh token for a new token.
func (s *TokenSource) Refresh(ctx context.Context, refreshToken string) (*Token, error) {
	form := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refreshToken}, "client_id": {s.cfg.ClientID}}
	resp, err := s.hc.PostForm(s.cfg.TokenURL, form) // eval:leak httpbody
	if err != nil {
		return nil, err
	}
	var tok Token
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil {
		return nil, fmt.Errorf("oauth: refresh: %s: %w", resp.Status, err)
	}
	resp.Body.Close()
	if tok.AccessToken == "" {
		return nil, fmt.Errorf("oauth: refresh: no access token (%s)", resp.Status)
	}
	tok.Expiry = time.Now().Add(time.Duration(tok.ExpiresIn) * time.Second)
	return &tok, nil
}

// Introspect reports whether an access token presented to us is active.
func (s *TokenSource) Introspect(ctx context.Context, token string) (active bool, err error) {
	form := url.Values{"token": {token}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.cfg.IntrospectURL, strings.NewReader(form.Encode()))
	if err != nil {
		return false, err
	}
	req.SetBasicAuth(s.cfg.ClientID, s.cfg.ClientSecret)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := s.hc.Do(req)
	if err != nil {
		return false, err
	}
	defer httpx.CloseWithError(resp.Body, &err)
	if resp.StatusCode != http.StatusOK {
		return false, fmt.Errorf("oauth: introspect: %s", resp.Status)
	}
	var out struct {
		Active bool `json:"active"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return false, err
	}
	return out.Active, nil
}

// Revoke revokes a token; the server answers 200 whether or not the token
// existed.
func (s *TokenSource) Revoke(ctx context.Context, token string) error {
	form := url.Values{"token": {token}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.cfg.RevokeURL, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.SetBasicAuth(s.cfg.ClientID, s.cfg.ClientSecret)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := s.hc.Do(req)
	if err != nil {
		return err
	}
	httpx.DrainAndClose(resp)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("oauth: revoke: %s", resp.Status)
	}
	return nil
}

// Keys fetches the issuer's signing keys.
func (s *TokenSource) Keys(ctx context.Context) ([]JWK, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.cfg.JWKSURL, nil)
	if err != nil {
		return nil, err
	}
	resp, err := s.hc.Do(req) // eval:leak httpbody
	if err != nil {
		return nil, err
	}
	if err := httpx.CheckStatus(resp); err != nil {
		return nil, err
	}
	var set struct {
		Keys []JWK `json:"keys"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&set); err != nil {
		return nil, err
	}
	return set.Keys, nil
}

// KeysWithETag is Keys with the status checked by the shared helper, the
// body closed by the caller on success, and the ETag returned for caching.
func (s *TokenSource) KeysWithETag(ctx context.Context) ([]JWK, string, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.cfg.JWKSURL, nil)
	if err != nil {
		return nil, "", err
	}
	resp, err := s.hc.Do(req)
	if err != nil {
		return nil, "", err
	}
	if err := httpx.CheckStatus(resp); err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	var set struct {
		Keys []JWK `json:"keys"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&set); err != nil {
		return nil, "", err
	}
	return set.Keys, resp.Header.Get("ETag"), nil
}

// Discover reads the issuer's OpenID configuration.
func Discover(ctx context.Context, hc *http.Client, issuer string) (map[string]any, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(issuer, "/")+"/.well-known/openid-configuration", nil)
	if err != nil {
		return nil, err
	}
	resp, err := hc.Do(req)
	if err != nil {
		return nil, err
	}
	var doc map[string]any
	if err := httpx.DecodeJSON(resp, &doc); err != nil {
		return nil, err
	}
	return doc, nil
}

// UserInfo returns the claims of the user the access token belongs to.
func (s *TokenSource) UserInfo(ctx context.Context, accessToken string) (map[string]any, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, s.cfg.UserInfoURL, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+accessToken)
	resp, err := s.hc.Do(req) // eval:leak httpbody
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusUnauthorized {
		httpx.DrainAndClose(resp)
		return nil, fmt.Errorf("oauth: userinfo: token rejected")
	}
	var claims map[string]any
	if err := httpx.ReadJSON(resp.Body, &claims); err != nil {
		return nil, err
	}
	return claims, nil
}

// PollDevice polls the token endpoint for a device code until the user
// approves it, the code expires or ctx ends.
func (s *TokenSource) PollDevice(ctx context.Context, deviceCode string, interval time.Duration) (*Token, error) {
	for {
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(interval):
		}
		tok, err := s.pollOnce(ctx, deviceCode)
		if err == ErrAuthorizationPending {
			continue
		}
		return tok, err
	}
}

func (s *TokenSource) pollOnce(ctx context.Context, deviceCode string) (*Token, error) {
	form := url.Values{
		"grant_type":  {"urn:ietf:params:oauth:grant-type:device_code"},
		"device_code": {deviceCode},
		"client_id":   {s.cfg.ClientID},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.cfg.TokenURL, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := s.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<16))
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		var te tokenError
		if json.Unmarshal(body, &te) == nil && te.Code == "authorization_pending" {
			return nil, ErrAuthorizationPending
		}
		return nil, fmt.Errorf("oauth: device token: %s", resp.Status)
	}
	var tok Token
	if err := json.Unmarshal(body, &tok); err != nil {
		return nil, err
	}
	tok.Expiry = time.Now().Add(time.Duration(tok.ExpiresIn) * time.Second)
	return &tok, nil
}

// StartDevice begins the device authorization flow.
func (s *TokenSource) StartDevice(ctx context.Context, scopes []string) (userCode, verifyURL, deviceCode string, err error) {
	form := url.Values{"client_id": {s.cfg.ClientID}, "scope": {strings.Join(scopes, " ")}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.cfg.DeviceURL, strings.NewReader(form.Encode()))
	if err != nil {
		return "", "", "", err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := s.hc.Do(req) // eval:leak httpbody
	if err != nil {
		return "", "", "", err
	}
	var out struct {
		UserCode        string `json:"user_code"`
		VerificationURI string `json:"verification_uri"`
		DeviceCode      string `json:"device_code"`
	}
	if resp.StatusCode != http.StatusOK {
		return "", "", "", fmt.Errorf("oauth: device authorization: %s", resp.Status)
	}
	err = json.NewDecoder(resp.Body).Decode(&out)
	resp.Body.Close()
	return out.UserCode, out.VerificationURI, out.DeviceCode, err
}
