package main

import (
	"go/types"
	"os/exec"
	"strings"
	"testing"
	"time"
)

func TestProgressLine(t *testing.T) {
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	p := &progress{start: start, phase: "loading packages", done: map[*types.Package]bool{}}
	if got := p.line(start.Add(1500 * time.Millisecond)); got != "leakvet: loading packages, 1s" {
		t.Errorf("loading: %q", got)
	}
	p.analysing(3)
	p.mark(types.NewPackage("a", "a"))
	p.mark(types.NewPackage("b", "b"))
	if got := p.line(start.Add(76 * time.Second)); got != "leakvet: analysing, 2 of 3 packages, 1m16s" {
		t.Errorf("analysing: %q", got)
	}
}

// TestProgressOnTerminalOnly: on a terminal (here one made by script(1))
// the run shows an updating progress line and clears it; on a pipe,
// stderr stays empty; -v prints each phase's time.
func TestProgressOnTerminalOnly(t *testing.T) {
	dir := fixture(t)
	if r := runIn(t, dir, binary, "./clean"); r.stderr != "" {
		t.Errorf("progress printed to a pipe:\n%q", r.stderr)
	}
	if r := runIn(t, dir, binary, "-v", "./clean"); !strings.Contains(r.stderr, "leakvet: load ") || !strings.Contains(r.stderr, "leakvet: analysis ") || !strings.Contains(r.stderr, "leakvet: total ") {
		t.Errorf("-v: no timings:\n%s", r.stderr)
	}
	script, err := exec.LookPath("script")
	if err != nil {
		t.Skip("no script command to give the run a terminal")
	}
	r := runIn(t, dir, script, "-qec", binary+" ./leaky 2>&1 >/dev/null", "/dev/null")
	// Which phase the first update shows depends on how long the load
	// takes (a lazy load only lists the packages before the analysis).
	shown := strings.Contains(r.stdout, "\rleakvet: loading packages, ") || strings.Contains(r.stdout, "\rleakvet: analysing, ")
	if !shown || !strings.Contains(r.stdout, "\x1b[K") {
		t.Errorf("no progress line on a terminal:\n%q", r.stdout)
	}
	if !strings.HasSuffix(strings.TrimRight(r.stdout, "\n"), "\r\x1b[K") {
		t.Errorf("the progress line is not cleared at the end:\n%q", r.stdout)
	}
}
