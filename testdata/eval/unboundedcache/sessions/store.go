package sessions

import (
	"context"
	"net/http"
	"time"
)

var (
	// Sessions are created on login and removed on logout and by the
	// sweeper once they expire.
	sessions = map[string]*Session{}

	// Every request of every user that ever logged in records a time here;
	// entries are overwritten but never removed.
	lastActivity = map[string]time.Time{} // eval:leak unboundedcache

	// Failed login attempts per submitted user name; the name comes
	// straight from the form, so every typo and every guessed name stays.
	failedLogins = map[string]int{} // eval:leak unboundedcache

	sessionTTL = 30 * time.Minute
)

// Login creates a session for userID.
func Login(userID string) (*Session, error) {
	id, err := newID()
	if err != nil {
		return nil, err
	}
	now := time.Now()
	s := &Session{ID: id, UserID: userID, Created: now, Expires: now.Add(sessionTTL)}
	mu.Lock()
	sessions[id] = s
	mu.Unlock()
	return s, nil
}

// Logout ends the session id.
func Logout(id string) {
	mu.Lock()
	delete(sessions, id)
	mu.Unlock()
}

// Lookup returns the live session id.
func Lookup(id string) (*Session, error) {
	mu.Lock()
	defer mu.Unlock()
	s, ok := sessions[id]
	if !ok || time.Now().After(s.Expires) {
		return nil, ErrNoSession
	}
	lastActivity[s.UserID] = time.Now()
	return s, nil
}

// RecordFailedLogin counts a failed password check for the name typed in
// the login form.
func RecordFailedLogin(r *http.Request) int {
	name := r.PostFormValue("username")
	mu.Lock()
	defer mu.Unlock()
	failedLogins[name]++
	return failedLogins[name]
}

// LastSeen reports when userID last made an authenticated request.
func LastSeen(userID string) (time.Time, bool) {
	mu.Lock()
	defer mu.Unlock()
	t, ok := lastActivity[userID]
	return t, ok
}

// Sweep removes expired sessions every interval until ctx is done.
func Sweep(ctx context.Context, interval time.Duration) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			mu.Lock()
			for id, s := range sessions {
				if now.After(s.Expires) {
					delete(sessions, id)
				}
			}
			mu.Unlock()
		}
	}
}
