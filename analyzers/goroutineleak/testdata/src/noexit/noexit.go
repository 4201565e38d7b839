// Package noexit holds background loops, with and without a way to stop.
package noexit

import (
	"context"
	"log"
	"net"
	"sync"
	"time"
)

// A cache whose janitor runs as long as the cache: the cache offers no
// way to stop, so the janitor is its design (one per cache, made at
// set-up), not a leak.
type Cache struct {
	mu sync.Mutex
	m  map[string]time.Time
}

func NewCache() *Cache {
	c := &Cache{m: make(map[string]time.Time)}
	go c.janitor()
	return c
}

func (c *Cache) janitor() {
	for {
		time.Sleep(time.Minute)
		c.mu.Lock()
		for k, t := range c.m {
			if time.Since(t) > time.Hour {
				delete(c.m, k)
			}
		}
		c.mu.Unlock()
	}
}

// Start runs the janitor through a helper: the loop is found in it. Each
// call starts one more, and Start returns nothing that owns it.
func (c *Cache) Start() {
	go c.run() // want `goroutine never finishes: the loop in \(\*Cache\)\.janitor at line 27 has no exit and watches no cancellation`
}

// ClosableCache has a Close, which leaves its janitor running: closing
// the cache does not end it, and every cache leaks one.
type ClosableCache struct {
	Cache
}

func NewClosableCache() *ClosableCache {
	c := &ClosableCache{Cache{m: make(map[string]time.Time)}}
	go c.janitor() // want `goroutine never finishes: the loop at line 27 has no exit and watches no cancellation`
	return c
}

func (c *ClosableCache) Close() error {
	c.mu.Lock()
	c.m = nil
	c.mu.Unlock()
	return nil
}

func (c *Cache) run() {
	log.Print("janitor started")
	c.janitor()
}

// A server loop that a closed channel stops.
type Server struct {
	quit chan struct{}
	reqs chan string
}

func NewServer() *Server {
	s := &Server{quit: make(chan struct{}), reqs: make(chan string)}
	go s.loop()
	return s
}

func (s *Server) loop() {
	for {
		select {
		case r := <-s.reqs:
			log.Print(r)
		case <-time.After(time.Second):
		case <-s.quit:
			return
		}
	}
}

func (s *Server) Do(r string) { s.reqs <- r }

func (s *Server) Close() { close(s.quit) }

// The same shape where nothing ever closes the stop channel.
type Watcher struct {
	stop   chan struct{}
	events chan string
}

func NewWatcher() *Watcher {
	w := &Watcher{stop: make(chan struct{}), events: make(chan string)}
	go w.run() // want `goroutine never finishes: the loop at line 112 exits only on receiving from w.stop, and nothing sends on it or closes it`
	return w
}

func (w *Watcher) Notify(e string) { w.events <- e }

func (w *Watcher) run() {
	for {
		select {
		case e := <-w.events:
			log.Print(e)
		case <-w.stop:
			return
		}
	}
}

// Polling until the context ends is fine.
func Poll(ctx context.Context, f func()) {
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-time.After(time.Second):
				f()
			}
		}
	}()
}

// An accept loop that never gives up spins once the listener is closed.
func Serve(l net.Listener) {
	go accept(l) // want `goroutine never finishes: the loop at line 142 has no exit and watches no cancellation`
}

func accept(l net.Listener) {
	for {
		c, err := l.Accept()
		if err != nil {
			log.Print(err)
			continue
		}
		go handle(c)
	}
}

func handle(c net.Conn) { c.Close() }

// An accept loop that returns on error is fine.
func ServeUntilClosed(l net.Listener) {
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go handle(c)
		}
	}()
}

// A loop whose only way out ends the process.
func Supervise(check func() error) {
	go func() {
		for {
			if err := check(); err != nil {
				log.Fatal(err)
			}
			time.Sleep(time.Second)
		}
	}()
}

// time.AfterFunc starts no goroutine until the timer fires, and the
// function returns.
func Later(f func()) *time.Timer {
	return time.AfterFunc(time.Second, f)
}

var once sync.Once

// Started once per process.
func StartMetrics() {
	once.Do(func() {
		go func() {
			for {
				time.Sleep(time.Minute)
				log.Print("metrics")
			}
		}()
	})
}

func init() {
	go func() {
		for {
			time.Sleep(time.Hour)
		}
	}()
}
