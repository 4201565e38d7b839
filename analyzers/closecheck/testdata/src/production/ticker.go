package production

import (
	"os"
	"time"
)

// watchParent: a range over a ticker's channel never ends (the runtime
// never closes C), so the return after the loop is unreachable.
func watchParent(d time.Duration) error {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return err
	}
	for range time.NewTicker(d).C {
		if os.Getppid() == 1 {
			f.Close()
			os.Exit(1)
		}
	}
	return nil
}

// watchChannel: a range over a channel that its sender may close ends,
// and the file is left open after it.
func watchChannel(ticks <-chan time.Time) error {
	f, err := os.Open("/proc/self/status") // want `file from os.Open is not closed when returning at line 37`
	if err != nil {
		return err
	}
	for range ticks {
		if os.Getppid() == 1 {
			f.Close()
			os.Exit(1)
		}
	}
	return nil
}

// watchTick: time.Tick's channel is never closed either.
func watchTick(d time.Duration) error {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return err
	}
	for now := range time.Tick(d) {
		if now.IsZero() {
			f.Close()
			os.Exit(1)
		}
	}
	return nil
}
