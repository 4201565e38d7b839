package leaks

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/google/uuid"
)

type Session struct {
	User    string
	Created time.Time
}

// A login handler keeps a session per user and never forgets one.
var userSessions = map[string]*Session{} // want `package-level map userSessions grows without bound: handleLogin writes it with keys from parameter userID and nothing deletes from it; use a bounded LRU or TTL cache \(github.com/hashicorp/golang-lru/v2/expirable\)`

var sessionsMu sync.Mutex

func handleLogin(userID string) *Session {
	sessionsMu.Lock()
	defer sessionsMu.Unlock()
	s := &Session{User: userID, Created: time.Now()}
	userSessions[userID] = s
	return s
}

func LoginHandler(w http.ResponseWriter, r *http.Request) {
	handleLogin(r.FormValue("user"))
}

// Request data reaches the key through a field chain.
var pageHits = map[string]int{} // want `package-level map pageHits grows without bound: a function literal in Routes writes it with keys from r.URL.Path \(parameter r\) and nothing deletes from it`

func Routes(mux *http.ServeMux) {
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		pageHits[r.URL.Path]++
	})
}

// A handler passed by name to http.HandleFunc: the function escapes as a value.
var visitors = map[string]*limiter{} // want `package-level map visitors grows without bound: limit writes it with keys from ip \(parameter r\) and nothing deletes from it`

type limiter struct{ tokens int }

func limit(w http.ResponseWriter, r *http.Request) {
	ip := r.RemoteAddr
	if i := strings.LastIndex(ip, ":"); i > 0 {
		ip = ip[:i]
	}
	if _, ok := visitors[ip]; !ok {
		visitors[ip] = &limiter{tokens: 10}
	}
}

func init() {
	http.HandleFunc("/limited", limit)
}

// Generated IDs: every call adds a key.
var tokens sync.Map // want `package-level sync.Map tokens grows without bound: Issue stores keys from id \(uuid.NewString\) in it and nothing deletes from it`

func Issue(user string) string {
	id := uuid.NewString()
	tokens.Store(id, user)
	return id
}

// A counter as key.
var jobs = map[int64]string{} // want `package-level map jobs grows without bound: Submit writes it with keys from id \(an atomic counter\) and nothing deletes from it`

var nextJob int64

func Submit(name string) int64 {
	id := atomic.AddInt64(&nextJob, 1)
	jobs[id] = name
	return id
}

// An audit trail appended to on every request: the context says Audit
// runs per operation.
var auditLog []string // want `package-level slice auditLog grows without bound: Audit appends values from parameter event to it and nothing removes elements; cap its length or use a bounded LRU or TTL cache`

func Audit(ctx context.Context, event string) {
	auditLog = append(auditLog, event)
}

// Memoisation keyed by the caller's argument.
var profileCache = map[string][]byte{} // want `package-level map profileCache grows without bound: Profile writes it with keys from parameter name and nothing deletes from it`

var profileMu sync.Mutex

func Profile(ctx context.Context, name string) []byte {
	profileMu.Lock()
	defer profileMu.Unlock()
	if b, ok := profileCache[name]; ok {
		return b
	}
	b, _ := json.Marshal(name)
	profileCache[name] = b
	return b
}

// A package-level struct whose map field grows through its methods.
type store struct {
	mu    sync.Mutex
	items map[string]string
}

func (s *store) set(k, v string) {
	s.mu.Lock()
	s.items[k] = v
	s.mu.Unlock()
}

var cache = &store{items: map[string]string{}} // want `package-level map cache.items grows without bound: Remember through \(\*store\).set writes it with keys from parameter key and nothing deletes from it`

func Remember(ctx context.Context, key, value string) {
	cache.set(key, value)
}

// A struct value holding the map, written directly.
var registry struct { // want `package-level map registry.byName grows without bound: Track writes it with keys from n \(loop over names\) and nothing deletes from it`
	sync.RWMutex
	byName map[string][]string
}

func Track(ctx context.Context, names []string) {
	registry.Lock()
	defer registry.Unlock()
	for _, n := range names {
		registry.byName[n] = append(registry.byName[n], "seen")
	}
}

// A helper writes the map it is given; the caller passes request data.
var seen = map[string]bool{} // want `package-level map seen grows without bound: a function literal in Dedupe through mark writes it with keys from r.Header.Get\("X-Request-ID"\) \(parameter r\) and nothing deletes from it`

func mark(m map[string]bool, k string) { m[k] = true }

func Dedupe() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mark(seen, r.Header.Get("X-Request-ID"))
	})
}

// A goroutine started at init consumes a channel of events.
var lastSeen = map[string]time.Time{} // want `package-level map lastSeen grows without bound: consume writes it with keys from ev.host \(loop over events\) and nothing deletes from it`

type event struct{ host string }

var events = make(chan event)

func consume() {
	for ev := range events {
		lastSeen[ev.host] = time.Now()
	}
}

func init() { go consume() }

// Publish sends to every subscriber; Subscribe never lets one go.
var subscribers []chan string // want `package-level slice subscribers grows without bound: Subscribe appends values from ch \(a fresh allocation\) to it`

func Subscribe() <-chan string {
	ch := make(chan string, 1)
	subscribers = append(subscribers, ch)
	return ch
}

// Lazy creation under a nil check is no reset.
var lazyCounts map[string]int // want `package-level map lazyCounts grows without bound: CountWord writes it with keys from parameter word`

func CountWord(ctx context.Context, word string) {
	if lazyCounts == nil {
		lazyCounts = make(map[string]int)
	}
	lazyCounts[word]++
}

// A server type's exported method is called through http.Handler.
type server struct{}

var lastRequest = map[string]string{} // want `package-level map lastRequest grows without bound: server.ServeHTTP writes it with keys from user \(parameter r\)`

func (server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	var body struct{ User string }
	json.NewDecoder(r.Body).Decode(&body)
	user := body.User
	lastRequest[user] = r.URL.Path
}

// A sync.Once inside a struct runs once per value, not once per process:
// this literal runs for every new conn.
type conn struct {
	once sync.Once
	id   string
}

var connByPeer = map[string]*conn{} // want `package-level map connByPeer grows without bound: a function literal in \(\*conn\).Start writes it with keys from parameter peer`

func (c *conn) Start(ctx context.Context, peer string) {
	c.once.Do(func() { connByPeer[peer] = c })
}

// Regression: "register" in a sign-up handler's name or in the map's doc
// is about users, not a registry of code.
var (
	// registeredUsers holds every user registered through the sign-up form.
	registeredUsers = map[string]string{} // want `package-level map registeredUsers grows without bound: RegisterUser writes it with keys from email \(parameter r\)`
)

// RegisterUser registers a new account.
func RegisterUser(w http.ResponseWriter, r *http.Request) {
	email := r.FormValue("email")
	registeredUsers[email] = r.FormValue("name")
}

// Regression: a register helper called by this package's own handler with
// request data is judged by that data, not by its name.
var visitorsByIP = map[string]int{} // want `package-level map visitorsByIP grows without bound: registerVisit writes it with keys from parameter ip`

func registerVisit(ip string) { visitorsByIP[ip]++ }

func Visit(w http.ResponseWriter, r *http.Request) { registerVisit(r.RemoteAddr) }

// An exported function that assigns the map may run at any time for
// callers out of sight: whatever its name, it may reset the map, and the
// map is not reported (lifecycle holds the set-up function main reaches).
var carts map[string][]string

// InitStore prepares the store; call it once from main.
func InitStore() { carts = make(map[string][]string) }

func AddToCart(user, item string) { carts[user] = append(carts[user], item) }

// A reset function, by contrast, bounds the map.
var drafts map[string]string

func SaveDraft(user, text string) { drafts[user] = text }

func ResetDrafts() { drafts = make(map[string]string) }

// Regression: a UUID is an array of bytes, but far from a small domain.
var results = map[uuid.UUID]string{} // want `package-level map results grows without bound: a function literal in Start writes it with keys from id \(uuid.New\)`

func Start() uuid.UUID {
	id := uuid.New()
	go func() { results[id] = "done" }()
	return id
}

// A duplicate check on a field of the argument that returns an error
// de-duplicates traffic: every new message ID stays (registries holds the
// same check panicking).
type Message struct{ ID string }

var errSeen = errors.New("seen")

var seenIDs = map[string]bool{} // want `package-level map seenIDs grows without bound: Consume writes it with keys from m.ID \(parameter m\)`

func Consume(ctx context.Context, m Message) error {
	if _, dup := seenIDs[m.ID]; dup {
		return errSeen
	}
	seenIDs[m.ID] = true
	return nil
}
