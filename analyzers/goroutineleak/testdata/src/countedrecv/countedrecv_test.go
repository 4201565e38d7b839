package countedrecv

import (
	"testing"
	"time"
)

// Both values are received before the return: done reaches 2 only after
// one receive from each channel, each of which gets one value.
func TestCountedReceives(t *testing.T) {
	serveCh, shutdownCh := make(chan struct{}), make(chan struct{})
	go func() {
		if err := Serve(); err != nil {
			t.Errorf("serve: %v", err)
		}
		serveCh <- struct{}{}
	}()
	go func() {
		if err := Shutdown(); err != nil {
			t.Errorf("shutdown: %v", err)
		}
		shutdownCh <- struct{}{}
	}()
	done := 0
	for {
		select {
		case <-time.After(2 * time.Second):
			t.Fatal("shutdown took too long")
		case <-serveCh:
			done++
		case <-shutdownCh:
			done++
		}
		if done == 2 {
			return
		}
	}
}

// The tick case counts too: done can reach 2 with a tick and one value,
// and the other sender is left blocked.
func TestCountedWithTicks(t *testing.T) {
	serveCh, shutdownCh := make(chan struct{}), make(chan struct{})
	go func() { // want `goroutine blocks forever sending on serveCh: the caller can return at line 65 without receiving`
		_ = Serve()
		serveCh <- struct{}{}
	}()
	go func() { // want `goroutine blocks forever sending on shutdownCh: the caller can return at line 65 without receiving`
		_ = Shutdown()
		shutdownCh <- struct{}{}
	}()
	tick := time.NewTicker(time.Millisecond)
	defer tick.Stop()
	done := 0
	for {
		select {
		case <-tick.C:
			done++
		case <-serveCh:
			done++
		case <-shutdownCh:
			done++
		}
		if done == 2 {
			return
		}
	}
}
