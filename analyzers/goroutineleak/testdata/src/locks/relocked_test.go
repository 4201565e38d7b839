package locks

import (
	"strconv"
	"strings"
	"sync"
	"testing"
)

type store struct {
	mu    sync.Mutex
	items []string
}

// Close takes the store's lock on every path that returns.
func (s *store) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.items = nil
	return nil
}

// runScript calls handle once for each line of script, on the caller's
// goroutine, like a data-driven test runner.
func runScript(t *testing.T, script string, handle func(t *testing.T, line string) string) {
	for _, line := range strings.Split(script, "\n") {
		if out := handle(t, line); out == "fail" {
			t.Errorf("%s: %s", line, out)
		}
	}
}

// Negative: the handler returns holding st.mu on a malformed line, but
// the test closes the store in its deferred function, which locks st.mu
// again on the test's own goroutine: a run that took that return would
// hang there, so a passing run never takes it.
func TestScriptClosesStore(t *testing.T) {
	var st *store
	defer func() {
		if st != nil {
			st.Close()
		}
	}()
	runScript(t, "add a b\nadd c d", func(t *testing.T, line string) string {
		if st == nil {
			st = &store{}
		}
		st.mu.Lock()
		for _, f := range strings.Fields(line) {
			if f == "" {
				return "error: malformed line"
			}
			st.items = append(st.items, f)
		}
		st.mu.Unlock()
		return ""
	})
}

// Positive: the same handler in a test that never takes the lock again
// itself: the store's lock is left held for whoever comes next.
func TestScriptLeavesStore(t *testing.T) {
	var st *store
	runScript(t, "add a b\nadd c d", func(t *testing.T, line string) string {
		if st == nil {
			st = &store{}
		}
		st.mu.Lock() // want `st.mu is still locked when returning at line 71: every later Lock of it blocks forever`
		for _, f := range strings.Fields(line) {
			if f == "" {
				return "error: malformed line"
			}
			st.items = append(st.items, f)
		}
		st.mu.Unlock()
		return ""
	})
}

// Positive: the test takes the lock again only in a cleanup, which runs
// after the test function has returned, not before the handler's leak
// could be seen by it: nothing on the test's own path waits for it.
func TestScriptClosesStoreInCleanup(t *testing.T) {
	var st *store
	t.Cleanup(func() {
		if st != nil {
			st.Close()
		}
	})
	runScript(t, "add a b", func(t *testing.T, line string) string {
		if st == nil {
			st = &store{}
		}
		st.mu.Lock() // want `st.mu is still locked when returning at line 97: every later Lock of it blocks forever`
		for _, f := range strings.Fields(line) {
			if f == "" {
				return "error: malformed line"
			}
			st.items = append(st.items, f)
		}
		st.mu.Unlock()
		return ""
	})
}

// Positive: the leaking function is a cleanup, which runs after the
// test's deferred Close: nothing on the test's path comes after it.
func TestCleanupLeavesStore(t *testing.T) {
	st := &store{}
	defer st.Close()
	t.Cleanup(func() {
		st.mu.Lock() // want `st.mu is still locked when returning at line 114: every later Lock of it blocks forever`
		if len(st.items) > 0 {
			return
		}
		st.mu.Unlock()
	})
}

// Negative: the test closes the store itself right after the run.
func TestScriptThenClose(t *testing.T) {
	var st *store
	runScript(t, "add a b", func(t *testing.T, line string) string {
		if st == nil {
			st = &store{}
		}
		st.mu.Lock()
		if strings.TrimSpace(line) == "" {
			return "error: empty line"
		}
		st.items = append(st.items, line)
		st.mu.Unlock()
		return ""
	})
	st.Close()
}

// poll calls cond until it returns nil, at most tries times.
func poll(t *testing.T, tries int, cond func() error) {
	for i := 0; i < tries; i++ {
		if cond() == nil {
			return
		}
	}
	t.Fatal("condition never met")
}

type notReady struct{}

func (notReady) Error() string { return "not ready" }

// Positive: the return that keeps the lock depends on the store's state,
// which other goroutines change, not on the test's input: a poll that
// finds it not ready yet leaves the lock held, and the next poll (or the
// test's Close) hangs. Timing, not the test's data, decides whether a
// run takes it.
func TestPollStore(t *testing.T) {
	st := &store{}
	defer st.Close()
	go func() {
		st.mu.Lock()
		st.items = append(st.items, "ready")
		st.mu.Unlock()
	}()
	poll(t, 10, func() error {
		st.mu.Lock() // want `st.mu is still locked when returning at line 168: every later Lock of it blocks forever`
		if len(st.items) == 0 {
			return notReady{}
		}
		st.mu.Unlock()
		return nil
	})
}

type testData struct {
	Cmd   string
	Input string
}

// runData calls handle once for each command, on the caller's goroutine.
func runData(t *testing.T, cmds []testData, handle func(t *testing.T, td *testData) string) {
	for i := range cmds {
		if out := handle(t, &cmds[i]); out != "" {
			t.Errorf("%s: %s", cmds[i].Cmd, out)
		}
	}
}

type levels struct {
	mu     sync.Mutex
	levels []int
}

func (l *levels) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.levels = nil
	return nil
}

// Negative: a data-driven handler that parses its command's input under
// the lock and returns an error string, still holding it, on a line
// without three fields or with a level that does not parse; the test
// closes what it tested in a deferred function.
func TestLevelsFromInput(t *testing.T) {
	var l *levels
	defer func() {
		if l != nil {
			l.Close()
		}
	}()
	runData(t, []testData{{Cmd: "add", Input: "1: a-b 3"}}, func(t *testing.T, td *testData) string {
		switch td.Cmd {
		case "add":
			if l == nil {
				l = &levels{}
			}
			l.mu.Lock()
			for _, line := range strings.Split(td.Input, "\n") {
				parts := strings.Split(line, " ")
				if len(parts) != 3 {
					return "error: malformed line"
				}
				if n, err := strconv.Atoi(parts[0][:1]); err == nil {
					l.levels = append(l.levels, n)
				} else {
					return err.Error()
				}
			}
			l.mu.Unlock()
			return ""
		}
		return "unknown command"
	})
}
