// Package watcher polls files, directories and remote keys for changes and
// reports them to the config reloader.
package watcher

import (
	"context"
	"os"
	"sync"
	"time"
)

// Event reports a change.
type Event struct {
	Path    string
	ModTime time.Time
	Size    int64
	Removed bool
}

// Poller fetches the current value of a key from the config store.
type Poller func(ctx context.Context, key string) (string, error)

func stat(path string) (Event, error) {
	fi, err := os.Stat(path)
	if os.IsNotExist(err) {
		return Event{Path: path, Removed: true}, nil
	}
	if err != nil {
		return Event{}, err
	}
	return Event{Path: path, ModTime: fi.ModTime(), Size: fi.Size()}, nil
}

func changed(a, b Event) bool {
	return a.Removed != b.Removed || !a.ModTime.Equal(b.ModTime) || a.Size != b.Size
}

// FileWatcher polls one file.
type FileWatcher struct {
	path     string
	interval time.Duration
	onChange func(Event)
	stop     chan struct{}
	stopOnce sync.Once
}

// DirWatcher polls the entries of a directory.
type DirWatcher struct {
	dir    string
	events chan Event
	cancel context.CancelFunc
	mu     sync.Mutex
	closed bool
}

// Probe runs a check periodically.
type Probe struct {
	every  time.Duration
	check  func() error
	ticker *time.Ticker
	last   error
	mu     sync.Mutex
}

func (p *Probe) run() {
	err := p.check()
	p.mu.Lock()
	p.last = err
	p.mu.Unlock()
}

// Stop ends the watch.
func (w *FileWatcher) Stop() {
	w.stopOnce.Do(func() { close(w.stop) })
}

// Events returns the change events.
func (w *DirWatcher) Events() <-chan Event { return w.events }

// Close marks the watcher closed.
func (w *DirWatcher) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.closed = true
	return nil
}

// Stop stops the probe.
func (p *Probe) Stop() {
	p.ticker.Stop()
}

// Last returns the outcome of the last check.
func (p *Probe) Last() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.last
}
