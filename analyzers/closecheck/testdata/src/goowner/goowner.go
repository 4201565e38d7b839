// Package goowner builds clients that start a goroutine only their Close
// stops: whoever gets one must close it, whatever type it comes as.
package goowner

import (
	"context"
	"errors"
	"time"
)

type Client interface {
	Ping() error
	Close() error
}

// client refreshes in the background until Close.
type client struct {
	stop chan struct{}
	done chan struct{}
}

func (c *client) refresh() {
	defer close(c.done)
	t := time.NewTicker(time.Minute)
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-c.stop:
			return
		}
	}
}

func (c *client) Ping() error { return errors.New("no controller") }

func (c *client) Close() error {
	close(c.stop)
	<-c.done
	return nil
}

func NewClient() (Client, error) {
	c := &client{stop: make(chan struct{}), done: make(chan struct{})}
	go c.refresh()
	return c, nil
}

func recovering(f func()) {
	defer func() { _ = recover() }()
	f()
}

// NewRecoveringClient starts the loop through a wrapper.
func NewRecoveringClient() (Client, error) {
	c := &client{stop: make(chan struct{}), done: make(chan struct{})}
	go recovering(c.refresh)
	return c, nil
}

// NewInlineClient runs the loop in a function literal.
func NewInlineClient() (*client, error) {
	c := &client{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(c.done)
		for {
			select {
			case <-time.After(time.Second):
			case <-c.stop:
				return
			}
		}
	}()
	return c, nil
}

type Admin struct{ c Client }

func NewAdminFromClient(c Client) (*Admin, error) {
	if err := c.Ping(); err != nil {
		return nil, err
	}
	return &Admin{c: c}, nil
}

func NewAdmin() (*Admin, error) {
	c, err := NewClient() // want `Client from NewClient is not closed when returning at line 91 \(NewClient returns it unreleased at goowner.go:46\)`
	if err != nil {
		return nil, err
	}
	return NewAdminFromClient(c)
}

func NewAdminClosing() (*Admin, error) {
	c, err := NewClient()
	if err != nil {
		return nil, err
	}
	a, err := NewAdminFromClient(c)
	if err != nil {
		c.Close()
	}
	return a, err
}

func pingRecovering() error {
	c, err := NewRecoveringClient() // want `Client from NewRecoveringClient is not closed when returning at line 111 \(NewRecoveringClient returns it unreleased at goowner.go:58\)`
	if err != nil {
		return err
	}
	return c.Ping()
}

func pingInline() error {
	c, err := NewInlineClient() // want `\*client from NewInlineClient is not closed when returning at line 119 \(NewInlineClient returns it unreleased at goowner.go:74\)`
	if err != nil {
		return err
	}
	return c.Ping()
}

func pingClosing() error {
	c, err := NewClient()
	if err != nil {
		return err
	}
	defer c.Close()
	return c.Ping()
}

// watcher's loop ends with the context it is given, not with Close.
type watcher struct {
	stop chan struct{}
}

func (w *watcher) Ping() error  { return nil }
func (w *watcher) Close() error { close(w.stop); return nil }

func (w *watcher) watch(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

func NewWatcher(ctx context.Context) (Client, error) {
	w := &watcher{stop: make(chan struct{})}
	go w.watch(ctx)
	return w, nil
}

func pingWatcher(ctx context.Context) error {
	w, err := NewWatcher(ctx)
	if err != nil {
		return err
	}
	return w.Ping()
}

// oneShot's goroutine waits once, then ends: it is not a loop the value
// owns.
type oneShot struct {
	stop chan struct{}
}

func (o *oneShot) Ping() error  { return nil }
func (o *oneShot) Close() error { close(o.stop); return nil }

func (o *oneShot) wait() {
	select {
	case <-o.stop:
	case <-time.After(time.Second):
	}
}

func NewOneShot() (Client, error) {
	o := &oneShot{stop: make(chan struct{})}
	go o.wait()
	return o, nil
}

func pingOneShot() error {
	o, err := NewOneShot()
	if err != nil {
		return err
	}
	return o.Ping()
}

// quitter's Close closes a channel its loop never reads.
type quitter struct {
	stop, quit chan struct{}
}

func (q *quitter) Ping() error  { return nil }
func (q *quitter) Close() error { close(q.quit); return nil }

func (q *quitter) loop() {
	for {
		select {
		case <-q.stop:
			return
		case <-time.After(time.Second):
		}
	}
}

func NewQuitter() (Client, error) {
	q := &quitter{stop: make(chan struct{}), quit: make(chan struct{})}
	go q.loop()
	return q, nil
}

func pingQuitter() error {
	q, err := NewQuitter()
	if err != nil {
		return err
	}
	return q.Ping()
}

// Options say whether a client refreshes in the background.
type Options struct{ Refresh time.Duration }

// NewOptionalClient starts the loop only when the caller asks for it:
// a caller that leaves Refresh unset gets a client with no goroutine,
// so its value is not taken as owned for every caller.
func NewOptionalClient(opt Options) (Client, error) {
	c := &client{stop: make(chan struct{}), done: make(chan struct{})}
	if opt.Refresh > 0 {
		go c.refresh()
	}
	return c, nil
}

func pingOptional() error {
	c, err := NewOptionalClient(Options{})
	if err != nil {
		return err
	}
	return c.Ping()
}

// NewCheckedClient starts the loop on every path that returns the
// client: its callers own it.
func NewCheckedClient(opt Options) (Client, error) {
	if opt.Refresh < 0 {
		return nil, errors.New("negative refresh")
	}
	c := &client{stop: make(chan struct{}), done: make(chan struct{})}
	go c.refresh()
	return c, nil
}

func pingChecked() error {
	c, err := NewCheckedClient(Options{Refresh: time.Second}) // want `Client from NewCheckedClient is not closed when returning at line 263 \(NewCheckedClient returns it unreleased at goowner.go:255\)`
	if err != nil {
		return err
	}
	return c.Ping()
}

// poller's loop ends when the context it roots is cancelled, and only
// Close cancels it: the context does not come from the caller, so nothing
// else ever ends the goroutine.
type poller struct {
	cancel context.CancelFunc
}

func (p *poller) Ping() error  { return nil }
func (p *poller) Close() error { p.cancel(); return nil }

func (p *poller) poll(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

func NewPoller() (Client, error) {
	ctx, cancel := context.WithCancel(context.Background())
	p := &poller{cancel: cancel}
	go p.poll(ctx)
	return p, nil
}

func pingPoller() error {
	p, err := NewPoller() // want `Client from NewPoller is not closed when returning at line 298 \(NewPoller returns it unreleased at goowner.go:290\)`
	if err != nil {
		return err
	}
	return p.Ping()
}

func pingPollerClosing() error {
	p, err := NewPoller()
	if err != nil {
		return err
	}
	defer p.Close()
	return p.Ping()
}

// fieldPoller keeps the context in a field and its loop reads it there.
type fieldPoller struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func (p *fieldPoller) Ping() error  { return nil }
func (p *fieldPoller) Close() error { p.cancel(); return nil }

func (p *fieldPoller) poll() {
	for {
		select {
		case <-p.ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

func NewFieldPoller() (*fieldPoller, error) {
	ctx, cancel := context.WithCancel(context.Background())
	p := &fieldPoller{ctx: ctx, cancel: cancel}
	go p.poll()
	return p, nil
}

func pingFieldPoller() error {
	p, err := NewFieldPoller() // want `\*fieldPoller from NewFieldPoller is not closed when returning at line 341 \(NewFieldPoller returns it unreleased at goowner.go:333\)`
	if err != nil {
		return err
	}
	return p.Ping()
}

// NewChildPoller derives its context from the caller's: the caller's
// context ending ends the loop too, so a dropped poller is not held for
// good.
func NewChildPoller(parent context.Context) (Client, error) {
	ctx, cancel := context.WithCancel(parent)
	p := &poller{cancel: cancel}
	go p.poll(ctx)
	return p, nil
}

func pingChildPoller(ctx context.Context) error {
	p, err := NewChildPoller(ctx)
	if err != nil {
		return err
	}
	return p.Ping()
}

// deafPoller's Close cancels nothing its loop waits on.
type deafPoller struct {
	cancel, other context.CancelFunc
}

func (p *deafPoller) Ping() error  { return nil }
func (p *deafPoller) Close() error { p.other(); return nil }

func (p *deafPoller) poll(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-time.After(time.Second):
		}
	}
}

func NewDeafPoller() (Client, error) {
	ctx, cancel := context.WithCancel(context.Background())
	_, other := context.WithCancel(context.Background())
	p := &deafPoller{cancel: cancel, other: other}
	go p.poll(ctx)
	return p, nil
}

func pingDeafPoller() error {
	p, err := NewDeafPoller()
	if err != nil {
		return err
	}
	return p.Ping()
}

// NewInlinePoller runs the loop in a function literal.
func NewInlinePoller() (*poller, error) {
	ctx, cancel := context.WithCancel(context.Background())
	p := &poller{cancel: cancel}
	go func() {
		for {
			select {
			case <-ctx.Done():
				return
			case <-time.After(time.Second):
			}
		}
	}()
	return p, nil
}

func pingInlinePoller() error {
	p, err := NewInlinePoller() // want `\*poller from NewInlinePoller is not closed when returning at line 417 \(NewInlinePoller returns it unreleased at goowner.go:409\)`
	if err != nil {
		return err
	}
	return p.Ping()
}

var hook = func() {}

// startPoller hands its caller the poller together with the function that
// closes it, which the caller defers. Its own defer makes the results go
// through variables that the return loads.
func startPoller(name string) (string, Client, chan int, func()) {
	defer hook()
	p, err := NewPoller()
	if err != nil {
		panic(err)
	}
	ch := make(chan int)
	for i := 0; i < 2; i++ {
		if p.Ping() != nil {
			panic("no")
		}
	}
	orig := hook
	return name, p, ch, func() {
		hook = orig
		p.Close()
	}
}

func pingStarted() error {
	_, p, _, stop := startPoller("a")
	defer stop()
	return p.Ping()
}
