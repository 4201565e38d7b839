// Package services holds leaks as they appear in services, next to the
// same shapes done right.
package main

import (
	"bufio"
	"crypto/rand"
	"encoding/binary"
	"encoding/hex"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/gin-gonic/gin"
)

// A method value registered as a handler.
type api struct{ mux *http.ServeMux }

var avatars = map[string][]byte{} // want `package-level map avatars grows without bound: \(\*api\).avatar writes it with keys from r.URL.Query\(\).Get\("user"\) \(parameter r\)`

func (a *api) avatar(w http.ResponseWriter, r *http.Request) {
	avatars[r.URL.Query().Get("user")] = []byte("png")
}

func (a *api) routes() { a.mux.HandleFunc("/avatar", a.avatar) }

// A gin handler.
var userCache sync.Map // want `package-level sync.Map userCache grows without bound: getUser stores keys from id \(parameter c\) in it and nothing deletes from it`

func getUser(c *gin.Context) {
	id := c.Param("id")
	userCache.Store(id, time.Now())
}

// Session IDs from crypto/rand through a helper; no logout ever deletes.
var sessions = map[string]string{} // want `package-level map sessions grows without bound: login writes it with keys from sid \(results of newSessionID\) and nothing deletes from it`

func newSessionID() string {
	b := make([]byte, 16)
	rand.Read(b)
	return hex.EncodeToString(b)
}

func login(w http.ResponseWriter, r *http.Request) {
	sid := newSessionID()
	sessions[sid] = r.FormValue("user")
	http.SetCookie(w, &http.Cookie{Name: "sid", Value: sid})
}

// Connections from an accept loop, never forgotten.
var peers = map[string]net.Conn{} // want `package-level map peers grows without bound: serve writes it with keys from c.RemoteAddr\(\).String\(\) \(parameter c\) and nothing deletes from it`

var peersMu sync.Mutex

func serve(c net.Conn) {
	peersMu.Lock()
	peers[c.RemoteAddr().String()] = c
	peersMu.Unlock()
	sc := bufio.NewScanner(c)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
}

// Every line any client ever sent.
var lines []string // want `package-level slice lines grows without bound: serve appends values from sc.Text\(\) \(parameter c\) to it and nothing removes elements`

// The same accept loop done right: the connection leaves on close.
var live = map[net.Conn]bool{}

var liveMu sync.Mutex

func track(c net.Conn) {
	liveMu.Lock()
	live[c] = true
	liveMu.Unlock()
	defer func() {
		liveMu.Lock()
		delete(live, c)
		liveMu.Unlock()
	}()
}

// Config read once at start-up by main: not traffic.
var config = map[string]string{}

func loadConfig(path string) {
	for _, kv := range []string{path} {
		config[kv] = kv
	}
}

// A TTL cache with a janitor: bounded.
var ttl = struct {
	sync.Mutex
	m map[string]time.Time
}{m: map[string]time.Time{}}

func remember(w http.ResponseWriter, r *http.Request) {
	ttl.Lock()
	ttl.m[r.URL.Path] = time.Now()
	ttl.Unlock()
}

func janitor() {
	for range time.Tick(time.Minute) {
		ttl.Lock()
		for k, t := range ttl.m {
			if time.Since(t) > time.Hour {
				delete(ttl.m, k)
			}
		}
		ttl.Unlock()
	}
}

// Templates by name, but only names from a fixed list get in.
var allowed = map[string]bool{"home": true, "about": true}

var rendered = map[string]string{}

func page(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("p")
	if !allowed[name] {
		http.NotFound(w, r)
		return
	}
	rendered[name] = "html"
}

func main() {
	loadConfig("app.conf")
	a := &api{mux: http.NewServeMux()}
	a.routes()
	g := gin.Default()
	g.GET("/user/:id", getUser)
	http.HandleFunc("/login", login)
	http.HandleFunc("/remember", remember)
	http.HandleFunc("/page", page)
	go janitor()
	ln, _ := net.Listen("tcp", ":9000")
	for {
		c, err := ln.Accept()
		if err != nil {
			continue
		}
		go serve(c)
		go track(c)
	}
}

// Regression: a handler made at start-up by a constructor that closes over
// the map (once taken for an init-only registration function):
// the literal writes it per request.
var counts = map[string]int{} // want `package-level map counts grows without bound: a function literal in counting writes it with keys from r.URL.Path \(parameter r\)`

func counting(m map[string]int) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { m[r.URL.Path]++ }
}

func init() { http.HandleFunc("/count", counting(counts)) }

// Only two methods reach the map: a switch on the key admits constants.
var byMethod = map[string]int{}

func methods(w http.ResponseWriter, r *http.Request) {
	switch r.Method {
	case http.MethodGet, http.MethodPost:
		byMethod[r.Method]++
	}
}

func init() { http.HandleFunc("/m", methods) }

// A handler struct holding the package-level map in a field: writes
// through the field write the global.
var thumbnails = map[string][]byte{} // want `package-level map thumbnails grows without bound: \(\*thumbs\).ServeHTTP writes it with keys from r.URL.Path \(parameter r\)`

type thumbs struct{ cache map[string][]byte }

func (t *thumbs) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	t.cache[r.URL.Path] = []byte("thumb")
}

func init() { http.Handle("/thumb", &thumbs{cache: thumbnails}) }

// The same, pruned through the field.
var previews = map[string][]byte{}

type prev struct{ cache map[string][]byte }

func (p *prev) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p.cache[r.URL.Path] = []byte("preview")
	if r.Method == http.MethodDelete {
		delete(p.cache, r.URL.Path)
	}
}

func init() { http.Handle("/preview", &prev{cache: previews}) }

// main's endless loop serves for the life of the process: a call in it is
// run time even though main itself runs once.
var jobsByID = map[string]string{} // want `package-level map jobsByID grows without bound: enqueue writes it with keys from parameter id`

func enqueue(id, job string) { jobsByID[id] = job }

func runJobs(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			continue
		}
		enqueue(c.RemoteAddr().String(), "job")
	}
}

// A loop that reads its input to the end is not a server loop.
var words = map[string]int{}

func countWords(sc *bufio.Scanner) {
	for {
		if !sc.Scan() {
			break
		}
		words[sc.Text()]++
	}
}

// A loop that returns when a read reports io.EOF reads its input to the
// end too: the frames of one file, loaded once from main.
var frames = make([][]byte, 0)

func loadFrames(r io.Reader) error {
	for {
		var n int16
		err := binary.Read(r, binary.LittleEndian, &n)
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return nil
		}
		if err != nil {
			return err
		}
		buf := make([]byte, n)
		if _, err := io.ReadFull(r, buf); err != nil {
			return err
		}
		frames = append(frames, buf)
	}
}

// A loop that returns only on other errors serves until it fails: a call
// in it is run time.
var dialers = make([]net.Conn, 0) // want `package-level slice dialers grows without bound: keepPeer appends values from parameter c`

func keepPeer(c net.Conn) { dialers = append(dialers, c) }

func acceptPeers(ln net.Listener) error {
	for {
		c, err := ln.Accept()
		if err != nil {
			return err
		}
		keepPeer(c)
	}
}

func init() { runJobs(nil); countWords(nil); _ = loadFrames(nil); _ = acceptPeers(nil) }
