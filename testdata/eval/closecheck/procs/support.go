// Package procs runs the external tools of the build agent: git, the
// compiler toolchain, image converters and long-running helper daemons.
package procs

import (
	"bufio"
	"errors"
	"io"
	"log/slog"
	"os/exec"
	"sync"
)

// ErrTimeout is returned when a tool runs past its deadline.
var ErrTimeout = errors.New("procs: tool timed out")

// Agent runs tools in a work directory.
type Agent struct {
	dir string
	log *slog.Logger
	env []string
}

// New returns an Agent working in dir.
func New(dir string, log *slog.Logger) *Agent { return &Agent{dir: dir, log: log} }

func (a *Agent) command(name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = a.dir
	cmd.Env = append(cmd.Environ(), a.env...)
	return cmd
}

// Daemon is a helper process kept running for the agent's lifetime.
type Daemon struct {
	cmd  *exec.Cmd
	done chan error
}

// Stop interrupts the daemon and waits for it to exit.
func (d *Daemon) Stop() error {
	if err := d.cmd.Process.Kill(); err != nil {
		return err
	}
	return <-d.done
}

// lines sends each line of r to fn.
func lines(r io.Reader, fn func(string)) error {
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		fn(sc.Text())
	}
	return sc.Err()
}

// Workers is a set of started worker processes.
type Workers struct {
	mu   sync.Mutex
	cmds []*exec.Cmd
}

// Wait waits for every worker.
func (w *Workers) Wait() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	var first error
	for _, c := range w.cmds {
		if err := c.Wait(); err != nil && first == nil {
			first = err
		}
	}
	return first
}
