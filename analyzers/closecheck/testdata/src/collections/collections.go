// Package collections holds resources gathered in a loop: when a later
// acquisition fails, the ones gathered so far must be released too.
package collections

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
)

// openAllCleanup closes what it opened before returning the error.
func openAllCleanup(names []string) ([]*os.File, error) {
	var files []*os.File
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			for _, g := range files {
				g.Close()
			}
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

// openAllIndexed cleans up with a counted loop.
func openAllIndexed(names []string) ([]*os.File, error) {
	var files []*os.File
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			for i := 0; i < len(files); i++ {
				files[i].Close()
			}
			return nil, fmt.Errorf("open %s: %w", n, err)
		}
		files = append(files, f)
	}
	return files, nil
}

// openAllDropped returns the error and drops the files opened so far.
func openAllDropped(names []string) ([]*os.File, error) {
	var files []*os.File
	for _, n := range names {
		f, err := os.Open(n) // want `file from os.Open is not closed when returning at line 50`
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	return files, nil
}

type workers struct{ cmds []*exec.Cmd }

// startCleanup kills and reaps the workers it started when one fails to
// start.
func startCleanup(n int) (*workers, error) {
	w := &workers{}
	for i := range n {
		cmd := exec.Command("worker", strconv.Itoa(i))
		if err := cmd.Start(); err != nil {
			for _, c := range w.cmds {
				c.Process.Kill()
				c.Wait()
			}
			return nil, err
		}
		w.cmds = append(w.cmds, cmd)
	}
	return w, nil
}

// startDropped leaves the workers it started as zombies when one fails.
func startDropped(n int) (*workers, error) {
	w := &workers{}
	for i := range n {
		cmd := exec.Command("worker", strconv.Itoa(i))
		if err := cmd.Start(); err != nil { // want `process from cmd.Start is never waited for \(it stays a zombie\) when returning at line 83`
			return nil, err
		}
		w.cmds = append(w.cmds, cmd)
	}
	return w, nil
}
