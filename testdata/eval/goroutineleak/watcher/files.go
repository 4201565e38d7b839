package watcher

import (
	"context"
	"log"
	"os"
	"time"
)

// Watch reports changes of path every interval until ctx ends; the
// channel is closed then.
func Watch(ctx context.Context, path string, interval time.Duration) <-chan Event {
	out := make(chan Event)
	go func() {
		defer close(out)
		t := time.NewTicker(interval)
		defer t.Stop()
		prev, _ := stat(path)
		for {
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			cur, err := stat(path)
			if err != nil || !changed(prev, cur) {
				continue
			}
			prev = cur
			select {
			case out <- cur:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// NewFileWatcher calls onChange whenever path changes, until Stop.
func NewFileWatcher(path string, interval time.Duration, onChange func(Event)) *FileWatcher {
	w := &FileWatcher{path: path, interval: interval, onChange: onChange, stop: make(chan struct{})}
	// time.After in the loop only costs a timer per round; the loop
	// leaves when Stop closes w.stop.
	go func() {
		prev, _ := stat(w.path)
		for {
			select {
			case <-w.stop:
				return
			case <-time.After(w.interval):
			}
			cur, err := stat(w.path)
			if err == nil && changed(prev, cur) {
				prev = cur
				w.onChange(cur)
			}
		}
	}()
	return w
}

// TailReload calls reload whenever path changes.
func TailReload(path string, interval time.Duration, reload func([]byte) error) {
	// Nothing can end this loop: each call leaves a poller running for
	// good, and callers that re-point it at a new file stack them up.
	go func() { // eval:leak goroutineleak
		prev, _ := stat(path)
		for {
			time.Sleep(interval)
			cur, err := stat(path)
			if err != nil || !changed(prev, cur) {
				continue
			}
			prev = cur
			b, err := os.ReadFile(path)
			if err != nil {
				log.Printf("watcher: read %s: %v", path, err)
				continue
			}
			if err := reload(b); err != nil {
				log.Printf("watcher: reload %s: %v", path, err)
			}
		}
	}()
}

// NewDirWatcher reports entries of dir that change.
func NewDirWatcher(dir string, every time.Duration) *DirWatcher {
	ctx, cancel := context.WithCancel(context.Background())
	w := &DirWatcher{dir: dir, events: make(chan Event, 64), cancel: cancel}
	// Close never calls w.cancel, so ctx is never done and the poll loop
	// runs for good after the watcher is closed.
	go w.run(ctx, every) // eval:leak goroutineleak
	return w
}

func (w *DirWatcher) run(ctx context.Context, every time.Duration) {
	t := time.NewTicker(every)
	defer t.Stop()
	seen := map[string]Event{}
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		entries, err := os.ReadDir(w.dir)
		if err != nil {
			continue
		}
		for _, e := range entries {
			ev, err := stat(w.dir + "/" + e.Name())
			if err != nil {
				continue
			}
			if old, ok := seen[ev.Path]; ok && !changed(old, ev) {
				continue
			}
			seen[ev.Path] = ev
			select {
			case w.events <- ev:
			default: // drop when the reader is behind
			}
		}
	}
}
