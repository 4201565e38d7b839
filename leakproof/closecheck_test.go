package leakproof

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/leakvet/leakvet/testdata/demo/export"
)

func requireLinux(t *testing.T) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc, which only Linux provides in this form")
	}
}

// descriptorsOn counts this process's open file descriptors that refer to
// path. Counting only path's descriptors keeps the figure exact while the
// runtime, the test framework or earlier tests open and close others.
func descriptorsOn(t *testing.T, path string) int {
	t.Helper()
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, e := range ents {
		if target, err := os.Readlink(filepath.Join("/proc/self/fd", e.Name())); err == nil && target == path {
			n++
		}
	}
	return n
}

// TestCloseFile: Import returns before its deferred Close when the file is
// not gzip data, and the *os.File stays open.
//
// Go attaches a cleanup to every *os.File that closes its descriptor once
// the garbage collector finds the file unreachable, which is the only thing
// that ever closes these. To measure the leak rather than the collector's
// timing, the calls run with the collector switched off
// (debug.SetGCPercent(-1)); the last step switches it back on and shows that
// only a collection returns the descriptors. In a service the collector runs
// when the heap grows, not when descriptors run out, so a steady stream of
// such errors can reach the process's descriptor limit first.
func TestCloseFile(t *testing.T) {
	requireLinux(t)
	const calls = 50
	dir, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ex := &export.Exporter{Dir: dir}
	// Exports that arrived as plain text: not gzip data, so both Import and
	// Count fail right after opening them. One file per case keeps the
	// cases' counts apart.
	leakyPath, fixedPath := ex.Path("2024-06"), ex.Path("2024-07")
	for _, p := range []string{leakyPath, fixedPath} {
		if err := os.WriteFile(p, []byte("1,c-1,paid,1250\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	defer debug.SetGCPercent(debug.SetGCPercent(-1))

	t.Run("leaky Import", func(t *testing.T) {
		before := descriptorsOn(t, leakyPath)
		for i := range calls {
			if _, err := ex.Import("2024-06"); err == nil {
				t.Fatalf("call %d succeeded, want the gzip error", i)
			}
		}
		after := descriptorsOn(t, leakyPath)
		t.Logf("descriptors on the file: %d before, %d after %d calls", before, after, calls)
		if after-before != calls {
			t.Errorf("open descriptors grew by %d, want %d (one per call)", after-before, calls)
		}
	})

	t.Run("fixed Count", func(t *testing.T) {
		before := descriptorsOn(t, fixedPath)
		for i := range calls {
			if _, err := export.Count(fixedPath); err == nil {
				t.Fatalf("call %d succeeded, want the gzip error", i)
			}
		}
		after := descriptorsOn(t, fixedPath)
		t.Logf("descriptors on the file: %d before, %d after %d calls", before, after, calls)
		if after != before {
			t.Errorf("open descriptors went from %d to %d, want no change", before, after)
		}
	})

	t.Run("only the collector reclaims the leaked ones", func(t *testing.T) {
		debug.SetGCPercent(100)
		reclaimed := eventually(t, 5*time.Second, func() bool {
			runtime.GC()
			return descriptorsOn(t, leakyPath) == 0
		})
		t.Logf("descriptors on the file after garbage collection: %d", descriptorsOn(t, leakyPath))
		if !reclaimed {
			t.Errorf("%d descriptors still open after collecting", descriptorsOn(t, leakyPath))
		}
	})
}

// zombieChildren lists this process's children that have exited but were
// never waited for: /proc/<pid>/status shows "State: Z (zombie)".
func zombieChildren(t *testing.T) []int {
	t.Helper()
	ents, err := os.ReadDir("/proc")
	if err != nil {
		t.Fatal(err)
	}
	self := os.Getpid()
	var zombies []int
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		state, ppid, ok := procStatus(pid)
		if ok && ppid == self && state == "Z (zombie)" {
			zombies = append(zombies, pid)
		}
	}
	return zombies
}

// procStatus reads State and PPid of pid; ok is false when the process is
// gone or unreadable.
func procStatus(pid int) (state string, ppid int, ok bool) {
	f, err := os.Open("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return "", 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		k, v, found := strings.Cut(sc.Text(), ":")
		if !found {
			continue
		}
		v = strings.TrimSpace(v)
		switch k {
		case "State":
			state = v
		case "PPid":
			ppid, _ = strconv.Atoi(v)
		}
	}
	return state, ppid, sc.Err() == nil && state != ""
}

// TestCloseProcess: Announce starts its command and never waits for it. A
// child that exits stays in the process table as a zombie until its parent
// waits for it; Go never does so on its own, and a collected *os.Process
// only closes its pidfd. Each call costs a process table slot (and counts
// against RLIMIT_NPROC) for the life of the service.
//
// Upload runs the same kind of command with CombinedOutput, which waits, so
// it leaves nothing behind.
func TestCloseProcess(t *testing.T) {
	requireLinux(t)
	truePath, err := exec.LookPath("true")
	if err != nil {
		t.Skip("no true(1) on PATH")
	}
	const calls = 10
	ex := &export.Exporter{Dir: t.TempDir(), UploadCmd: []string{truePath}, NotifyCmd: []string{truePath}}
	if n := len(zombieChildren(t)); n != 0 {
		t.Fatalf("%d zombie children before the test", n)
	}

	t.Run("leaky Announce", func(t *testing.T) {
		// Reap what the test created so later tests start clean; waiting
		// is exactly what Announce should have done.
		t.Cleanup(func() {
			for _, pid := range zombieChildren(t) {
				var ws syscall.WaitStatus
				syscall.Wait4(pid, &ws, 0, nil)
			}
		})
		for i := range calls {
			if err := ex.Announce(ex.Path("2024-06")); err != nil {
				t.Fatalf("call %d: %v", i, err)
			}
		}
		// The children need a moment to run and exit.
		eventually(t, 5*time.Second, func() bool { return len(zombieChildren(t)) >= calls })
		zombies := zombieChildren(t)
		t.Logf("zombie children after %d calls: %d %v", calls, len(zombies), zombies)
		if len(zombies) != calls {
			t.Errorf("%d zombie children, want %d (one per call)", len(zombies), calls)
		}
	})

	t.Run("fixed Upload", func(t *testing.T) {
		for i := range calls {
			if err := ex.Upload(context.Background(), ex.Path("2024-06")); err != nil {
				t.Fatalf("call %d: %v", i, err)
			}
		}
		zombies := zombieChildren(t)
		t.Logf("zombie children after %d calls: %d", calls, len(zombies))
		if len(zombies) != 0 {
			t.Errorf("%d zombie children, want 0", len(zombies))
		}
	})
}
