//go:build go1.22

package oldticker

import "time"

func poll(check func() bool) {
	t := time.NewTicker(time.Second) // want `ticker from time.NewTicker is never stopped \(before Go 1.23 it is never collected\) when returning at line 11`
	for range t.C {
		if check() {
			return
		}
	}
}

func pollStopped(check func() bool) {
	t := time.NewTicker(time.Second)
	defer t.Stop()
	for range t.C {
		if check() {
			return
		}
	}
}
