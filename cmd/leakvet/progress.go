package main

import (
	"fmt"
	"go/types"
	"io"
	"os"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// progress shows one updating line on a terminal: the phase, packages
// analysed of the total, and the time since the start.
type progress struct {
	w     io.Writer
	start time.Time

	mu    sync.Mutex
	phase string
	total int
	done  map[*types.Package]bool
	last  string // the line last printed

	stop     chan struct{}
	wg       sync.WaitGroup
	finished sync.Once
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// startProgress starts updating the line on w every interval until
// finish is called.
func startProgress(w io.Writer, start time.Time, interval time.Duration) *progress {
	p := &progress{w: w, start: start, phase: "loading packages", done: map[*types.Package]bool{}, stop: make(chan struct{})}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				p.print(time.Now())
			}
		}
	}()
	return p
}

// analysing moves to the analysis phase, over total packages.
func (p *progress) analysing(total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.phase, p.total = "analysing", total
}

func (p *progress) mark(pkg *types.Package) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done[pkg] = true
}

// line is the progress line at now.
func (p *progress) line(now time.Time) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	elapsed := now.Sub(p.start).Truncate(time.Second)
	if p.total == 0 {
		return fmt.Sprintf("leakvet: %s, %s", p.phase, elapsed)
	}
	return fmt.Sprintf("leakvet: %s, %d of %d packages, %s", p.phase, min(len(p.done), p.total), p.total, elapsed)
}

func (p *progress) print(now time.Time) {
	l := p.line(now)
	p.mu.Lock()
	defer p.mu.Unlock()
	if l != p.last {
		fmt.Fprintf(p.w, "\r%s\x1b[K", l)
		p.last = l
	}
}

// finish stops the updates and clears the line.
func (p *progress) finish() {
	if p == nil {
		return
	}
	p.finished.Do(func() {
		close(p.stop)
		p.wg.Wait()
		if p.last != "" {
			fmt.Fprint(p.w, "\r\x1b[K")
		}
	})
}

// counting returns copies of the checks whose Run also marks the package
// analysed, and how many packages they will run on: every package when a
// check exchanges facts (it runs on dependencies too), else the roots.
func (p *progress) counting(checks []*analysis.Analyzer, roots []*packages.Package) ([]*analysis.Analyzer, int) {
	var out []*analysis.Analyzer
	facts := false
	for _, a := range checks {
		facts = facts || len(a.FactTypes) > 0
		c := *a
		run := a.Run
		c.Run = func(pass *analysis.Pass) (any, error) {
			defer p.mark(pass.Pkg)
			return run(pass)
		}
		out = append(out, &c)
	}
	total := len(roots)
	if facts {
		total = 0
		packages.Visit(roots, nil, func(*packages.Package) { total++ })
	}
	return out, total
}

// timings records how long each phase of a run took, for -v.
type timings struct {
	start  time.Time
	phases []phaseTime
}

type phaseTime struct {
	name string
	d    time.Duration
}

// done records that phase ended now.
func (t *timings) done(phase string) {
	now := time.Now()
	var sum time.Duration
	for _, p := range t.phases {
		sum += p.d
	}
	t.phases = append(t.phases, phaseTime{phase, now.Sub(t.start) - sum})
}

func (t *timings) print(w io.Writer) {
	var total time.Duration
	for _, p := range t.phases {
		fmt.Fprintf(w, "leakvet: %-10s %8s\n", p.name, p.d.Round(time.Millisecond))
		total += p.d
	}
	fmt.Fprintf(w, "leakvet: %-10s %8s\n", "total", total.Round(time.Millisecond))
}
