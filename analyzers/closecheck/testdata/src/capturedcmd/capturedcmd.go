// Package capturedcmd starts processes from function literals that
// capture the command: the wait loads the captured variable again.
package capturedcmd

import (
	"os/exec"
	"runtime"
)

type run struct {
	started chan error
	done    chan struct{}
	err     error
}

// startLocked starts and waits in one goroutine locked to its thread.
func startLocked(cmd *exec.Cmd) *run {
	r := &run{started: make(chan error, 1), done: make(chan struct{})}
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		err := cmd.Start()
		r.started <- err
		if err != nil {
			return
		}
		r.err = cmd.Wait()
		close(r.done)
	}()
	return r
}

// startThenWait waits through the captured variable.
func startThenWait(cmd *exec.Cmd) {
	go func() {
		if err := cmd.Start(); err != nil {
			return
		}
		_ = cmd.Wait()
	}()
}

// startNoWait never waits: the captured command is a zombie once it
// exits.
func startNoWait(cmd *exec.Cmd, errs chan<- error) {
	go func() {
		err := cmd.Start() // want `process from cmd.Start is never waited for \(it stays a zombie\) when returning at line 49`
		errs <- err
	}()
}

// waitOnlyOnSuccess returns early on a failed write without waiting.
func waitOnlyOnSuccess(cmd *exec.Cmd, write func() error) {
	func() {
		if err := cmd.Start(); err != nil { // want `process from cmd.Start is never waited for \(it stays a zombie\) when returning at line 59`
			return
		}
		if err := write(); err != nil {
			return
		}
		_ = cmd.Wait()
	}()
}
