package sessions

import (
	"net/http"
	"sync"
	"time"
)

type csrfToken struct {
	session string
	issued  time.Time
}

// Issued tokens are removed when they are used and by PruneTokens, which
// drops every token older than an hour.
var csrfTokens sync.Map

// IssueToken returns a one-time form token for the session of r.
func IssueToken(r *http.Request) (string, error) {
	c, err := r.Cookie(CookieName)
	if err != nil {
		return "", err
	}
	tok, err := newID()
	if err != nil {
		return "", err
	}
	csrfTokens.Store(tok, csrfToken{session: c.Value, issued: time.Now()})
	return tok, nil
}

// CheckToken consumes tok and reports whether it belonged to session.
func CheckToken(tok, session string) bool {
	v, ok := csrfTokens.LoadAndDelete(tok)
	if !ok {
		return false
	}
	return v.(csrfToken).session == session
}

// PruneTokens drops tokens that were never used within an hour.
func PruneTokens(now time.Time) {
	csrfTokens.Range(func(k, v any) bool {
		if now.Sub(v.(csrfToken).issued) > time.Hour {
			csrfTokens.Delete(k)
		}
		return true
	})
}
