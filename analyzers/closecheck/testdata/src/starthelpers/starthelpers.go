// Package starthelpers has constructors that start, through a method of
// the value they return, a goroutine that runs until the value's release
// method stops it: the value is the caller's to release.
package starthelpers

import (
	"context"
	"errors"
	"time"
)

type Pool struct {
	stopTick context.CancelFunc
	stopScan context.CancelFunc
	noScan   bool
	now      time.Time
}

func (p *Pool) tick(ctx context.Context) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			p.now = time.Now()
		}
	}
}

// goTick starts the ticking goroutine on every path.
func (p *Pool) goTick() {
	var ctx context.Context
	ctx, p.stopTick = context.WithCancel(context.Background())
	go p.tick(ctx)
}

// goScan starts it only when the option allows.
func (p *Pool) goScan() {
	if p.noScan {
		return
	}
	var ctx context.Context
	ctx, p.stopScan = context.WithCancel(context.Background())
	go p.tick(ctx)
}

// Release stops the goroutines.
func (p *Pool) Release() {
	p.stopTick()
	if p.stopScan != nil {
		p.stopScan()
	}
}

func NewPool() *Pool {
	p := &Pool{}
	p.goTick()
	return p
}

// NewScanPool starts only the conditional goroutine.
func NewScanPool(noScan bool) *Pool {
	p := &Pool{noScan: noScan}
	p.goScan()
	return p
}

var errSize = errors.New("bad size")

func usePool(n int) error {
	p := NewPool() // want `\*Pool from NewPool is not closed when returning at line 75`
	if n < 0 {
		return errSize
	}
	p.Release()
	return nil
}

func usePoolReleased(n int) error {
	p := NewPool()
	defer p.Release()
	if n < 0 {
		return errSize
	}
	return nil
}

func useScanPool(n int) error {
	p := NewScanPool(n > 0)
	if n < 0 {
		return errSize
	}
	p.Release()
	return nil
}
