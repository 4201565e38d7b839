// Package sessions keeps the login sessions of the web front end and the
// bookkeeping around them.
package sessions

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"sync"
	"time"
)

// ErrNoSession is returned when a session ID is unknown or expired.
var ErrNoSession = errors.New("sessions: no such session")

// CookieName is the name of the session cookie.
const CookieName = "sid"

var mu sync.Mutex

// Session is one logged-in browser.
type Session struct {
	ID      string
	UserID  string
	Created time.Time
	Expires time.Time
}

func newID() (string, error) {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return hex.EncodeToString(b[:]), nil
}
