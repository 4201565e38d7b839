package leakproof

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

// refresher is a client that refreshes in the background until Close; the
// shape of analyzers/closecheck/testdata/src/goowner (a constructor
// returning, through an interface, a value whose goroutine only Close
// stops).
type refresher struct {
	stop chan struct{}
	done chan struct{}
}

type refreshClient interface {
	ping() error
	Close() error
}

func (r *refresher) loop() {
	defer close(r.done)
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-r.stop:
			return
		}
	}
}

func (r *refresher) ping() error { return errors.New("no controller") }

func (r *refresher) Close() error {
	close(r.stop)
	<-r.done
	return nil
}

func newRefresher() (refreshClient, error) {
	r := &refresher{stop: make(chan struct{}), done: make(chan struct{})}
	go r.loop()
	return r, nil
}

type admin struct{ c refreshClient }

func newAdminFromClient(c refreshClient) (*admin, error) {
	if err := c.ping(); err != nil {
		return nil, err
	}
	return &admin{c: c}, nil
}

// newAdminLeaky drops the client where the admin cannot be built.
func newAdminLeaky() (*admin, error) {
	c, err := newRefresher() //nolint:closecheck // the leak this test measures
	if err != nil {
		return nil, err
	}
	return newAdminFromClient(c)
}

// newAdminFixed closes it there.
func newAdminFixed() (*admin, error) {
	c, err := newRefresher()
	if err != nil {
		return nil, err
	}
	a, err := newAdminFromClient(c)
	if err != nil {
		c.Close()
	}
	return a, err
}

// TestGoroutineOwner: a client whose refresh goroutine only Close stops,
// dropped on the constructor's error path, leaves that goroutine running
// for good; closing it there ends it.
func TestGoroutineOwner(t *testing.T) {
	t.Run("leaky", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		if _, err := newAdminLeaky(); err == nil {
			t.Fatal("newAdminLeaky: got no error")
		}
		err := goleak.Find(ignore)
		if err == nil {
			t.Fatal("goleak found no leaked goroutine after newAdminLeaky returned")
		}
		msg := err.Error()
		t.Logf("goleak: %s", firstLines(msg, 4))
		if !strings.Contains(msg, "(*refresher).loop") {
			t.Errorf("leaked goroutine is not the refresh loop:\n%s", msg)
		}
		if n := strings.Count(msg, "Goroutine "); n != 1 {
			t.Errorf("goleak reported %d goroutines, want 1", n)
		}
	})
	t.Run("fixed", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		if _, err := newAdminFixed(); err == nil {
			t.Fatal("newAdminFixed: got no error")
		}
		if err := goleak.Find(ignore); err != nil {
			t.Errorf("goroutine left after newAdminFixed returned: %v", err)
		}
	})
}

// poller polls in the background until its context is done; the context
// is rooted in context.Background, and only Close cancels it (the
// cancelled-context shape of analyzers/closecheck/testdata/src/goowner).
type poller struct {
	cancel context.CancelFunc
	done   chan struct{}
}

func (p *poller) poll(ctx context.Context) {
	defer close(p.done)
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-ctx.Done():
			return
		}
	}
}

func (p *poller) ping() error { return errors.New("no controller") }

func (p *poller) Close() error {
	p.cancel()
	<-p.done
	return nil
}

func newPoller() (refreshClient, error) {
	ctx, cancel := context.WithCancel(context.Background())
	p := &poller{cancel: cancel, done: make(chan struct{})}
	go p.poll(ctx)
	return p, nil
}

// newPollerAdminLeaky drops the poller where the admin cannot be built.
func newPollerAdminLeaky() (*admin, error) {
	c, err := newPoller() //nolint:closecheck // the leak this test measures
	if err != nil {
		return nil, err
	}
	return newAdminFromClient(c)
}

// newPollerAdminFixed closes it there.
func newPollerAdminFixed() (*admin, error) {
	c, err := newPoller()
	if err != nil {
		return nil, err
	}
	a, err := newAdminFromClient(c)
	if err != nil {
		c.Close()
	}
	return a, err
}

// TestContextOwner: a poller whose goroutine ends only when Close cancels
// the context it was made with, dropped on the constructor's error path,
// leaves that goroutine running for good; closing it there ends it.
func TestContextOwner(t *testing.T) {
	t.Run("leaky", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		if _, err := newPollerAdminLeaky(); err == nil {
			t.Fatal("newPollerAdminLeaky: got no error")
		}
		err := goleak.Find(ignore)
		if err == nil {
			t.Fatal("goleak found no leaked goroutine after newPollerAdminLeaky returned")
		}
		msg := err.Error()
		t.Logf("goleak: %s", firstLines(msg, 4))
		if !strings.Contains(msg, "(*poller).poll") {
			t.Errorf("leaked goroutine is not the poll loop:\n%s", msg)
		}
		if n := strings.Count(msg, "Goroutine "); n != 1 {
			t.Errorf("goleak reported %d goroutines, want 1", n)
		}
	})
	t.Run("fixed", func(t *testing.T) {
		ignore := goleak.IgnoreCurrent()
		if _, err := newPollerAdminFixed(); err == nil {
			t.Fatal("newPollerAdminFixed: got no error")
		}
		if err := goleak.Find(ignore); err != nil {
			t.Errorf("goroutine left after newPollerAdminFixed returned: %v", err)
		}
	})
}
