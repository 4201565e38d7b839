package testpaths

import (
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sync/errgroup"
)

// The file stays open only where the test has failed and returns.
func TestLeakOnlyWhenFailed(t *testing.T) {
	f, err := os.Open("testdata/in.txt")
	if err != nil {
		t.Fatal(err)
	}
	fi, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		t.Errorf("stat: %v", err)
		return
	}
	if fi == 0 {
		t.Error("empty input")
		return
	}
	f.Close()
}

// The early return is taken by a passing test: a leak.
func TestLeakWhilePassing(t *testing.T) {
	f, err := os.Open("testdata/in.txt") // want `file from os.Open is not closed when returning at line 43`
	if err != nil {
		t.Fatal(err)
	}
	fi, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		t.Fatal(err)
	}
	if fi == 0 {
		t.Log("empty input, nothing to check")
		return
	}
	f.Close()
}

// A failed iteration moves on to the next one; the test has failed.
func TestContinueAfterFailure(t *testing.T) {
	for _, name := range []string{"a.txt", "b.txt"} {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Seek(0, io.SeekEnd); err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		f.Close()
	}
}

// A helper that takes testing.TB fails its caller the same way.
func checkReadable(tb testing.TB, name string) {
	f, err := os.Open(name)
	if err != nil {
		tb.Fatal(err)
	}
	if _, err := f.Seek(0, io.SeekEnd); err != nil {
		tb.Error(err)
		return
	}
	f.Close()
}

// go test compiles an example without an output comment and never runs it.
func Example_neverRun() {
	f, err := os.Open("testdata/in.txt")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.Name())
}

// An example with an output comment runs under go test.
func Example_run() {
	f, err := os.Open("testdata/in.txt") // want `file from os.Open is not closed when returning at line 95`
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(f.Name())
	// Output: testdata/in.txt
}

// A defer in a loop over a short fixed table inside a subtest holds at
// most the table's few files until the subtest returns.
func TestShortTable(t *testing.T) {
	t.Run("fixtures", func(t *testing.T) {
		for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
			f, err := os.Open(name)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
		}
	})
}

// The same over a table whose length only the caller knows: in test code
// it is the test's own data, and everything is closed when the helper
// returns.
func checkAll(t *testing.T, names []string) {
	for _, name := range names {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
	}
}

// A benchmark's measured loop runs b.N times, a count raised until the
// timing is stable: b.N files stay open until it returns.
func BenchmarkOpenEach(b *testing.B) {
	for i := 0; i < b.N; i++ {
		f, err := os.Open("testdata/in.txt") // want `file from os.Open is released by a defer inside the loop`
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
	}
}

// The same with b.Loop.
func BenchmarkOpenLoop(b *testing.B) {
	for b.Loop() {
		f, err := os.Open("testdata/in.txt") // want `file from os.Open is released by a defer inside the loop`
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
	}
}

// Closing in the iteration holds nothing across iterations.
func BenchmarkOpenClose(b *testing.B) {
	for i := 0; i < b.N; i++ {
		f, err := os.Open("testdata/in.txt")
		if err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
}

// assertNoError calls t.Errorf and returns false when err is not nil.
func assertNoError(t *testing.T, err error) bool {
	if err != nil {
		t.Errorf("unexpected error: %v", err)
		return false
	}
	return true
}

// A helper of the package that returns false after failing the test.
func TestFailedThroughHelper(t *testing.T) {
	f, err := os.Open("testdata/in.txt")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Seek(0, io.SeekEnd); !assertNoError(t, err) {
		return
	}
	f.Close()
}

// An assertion library's check that returns false after failing the test.
func TestFailedThroughAssertion(t *testing.T) {
	f, err := os.Open("testdata/in.txt")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Seek(0, io.SeekEnd); !assert.NoError(t, err) {
		return
	}
	f.Close()
}

// checkNotFailed returns false without failing the test: the early return
// is taken by a passing test.
func checkNotFailed(err error) bool { return err == nil }

func TestReturnWithoutFailure(t *testing.T) {
	f, err := os.Open("testdata/in.txt") // want `file from os.Open is not closed when returning at line \d+`
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.Seek(0, io.SeekEnd); !checkNotFailed(err) {
		return
	}
	f.Close()
}

// The group's functions return their errors to Wait, and the test fails
// on Wait's error: a function's failing return is a failed run.
func TestGroupFailsOnWait(t *testing.T) {
	var eg errgroup.Group
	for _, name := range []string{"a.txt", "b.txt"} {
		eg.Go(func() error {
			f, err := os.Open(name)
			if err != nil {
				return err
			}
			if _, err := f.Seek(0, io.SeekEnd); err != nil {
				return err
			}
			return f.Close()
		})
	}
	if err := eg.Wait(); err != nil {
		t.Fatal(err)
	}
}

// Wait's error is only logged: the test passes with the file open.
func TestGroupLogsWait(t *testing.T) {
	var eg errgroup.Group
	eg.Go(func() error {
		f, err := os.Open("a.txt") // want `file from os.Open is not closed when returning at line \d+`
		if err != nil {
			return err
		}
		if _, err := f.Seek(0, io.SeekEnd); err != nil {
			return err
		}
		return f.Close()
	})
	if err := eg.Wait(); err != nil {
		t.Log(err)
	}
}
