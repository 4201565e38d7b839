package testpaths

import (
	"errors"
	"io"
	"os"
	"testing"

	"github.com/stretchr/testify/require"
)

// fail marks the test failed on every path, like t.Errorf itself.
func fail(t *testing.T, msg string) {
	t.Helper()
	t.Errorf("%s", msg)
}

// note only logs: the test goes on as passing.
func note(t *testing.T, msg string) {
	t.Helper()
	t.Log(msg)
}

func TestFailedThroughFailHelper(t *testing.T) {
	f, err := os.Open("testdata/in.txt")
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := f.Seek(0, io.SeekEnd); err != nil || fi == 0 {
		fail(t, "empty input")
		return
	}
	f.Close()
}

func TestReturnAfterNote(t *testing.T) {
	f, err := os.Open("testdata/in.txt") // want `file from os.Open is not closed when returning at line 43`
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := f.Seek(0, io.SeekEnd); err != nil || fi == 0 {
		note(t, "empty input")
		return
	}
	f.Close()
}

func TestFailedThroughRequireFail(t *testing.T) {
	f, err := os.Open("testdata/in.txt")
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := f.Seek(0, io.SeekEnd); err != nil || fi == 0 {
		require.Fail(t, "empty input")
		return
	}
	f.Close()
}

// writeHeader is test-only code: every caller fails the test when it
// returns an error, so the file it leaves open there belongs to a failed
// test.
func writeHeader(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if _, err := f.WriteString("header\n"); err != nil {
		return err
	}
	return f.Close()
}

func TestWriteHeaderFatal(t *testing.T) {
	if err := writeHeader(t.TempDir() + "/a"); err != nil {
		t.Fatal(err)
	}
}

func TestWriteHeaderRequire(t *testing.T) {
	require.NoError(t, writeHeader(t.TempDir()+"/b"))
}

// writeFooter has a caller that expects its error: that caller's passing
// run takes the leaking return.
func writeFooter(name string) error {
	f, err := os.Create(name) // want `file from os.Create is not closed when returning at line 92`
	if err != nil {
		return err
	}
	if _, err := f.WriteString("footer\n"); err != nil {
		return err
	}
	return f.Close()
}

func TestWriteFooter(t *testing.T) {
	require.NoError(t, writeFooter(t.TempDir()+"/c"))
}

func TestWriteFooterExpectsError(t *testing.T) {
	if err := writeFooter("/nonexistent/dir/d"); err == nil {
		t.Fatal("want an error")
	}
}

// writeTrailer's error is returned to a helper's caller, out of sight of
// any test failure.
func writeTrailer(name string) error {
	f, err := os.Create(name) // want `file from os.Create is not closed when returning at line 115`
	if err != nil {
		return err
	}
	if _, err := f.WriteString("trailer\n"); err != nil {
		return err
	}
	return f.Close()
}

func prepare(dir string) error {
	return writeTrailer(dir + "/e")
}

func TestPrepare(t *testing.T) {
	require.NoError(t, prepare(t.TempDir()))
}

// A function literal that only the test calls, under require.NoError.
func TestInsertLiteral(t *testing.T) {
	insert := func(name string) error {
		f, err := os.Create(name)
		if err != nil {
			return err
		}
		if _, err := f.WriteString("row\n"); err != nil {
			return err
		}
		return f.Close()
	}
	require.NoError(t, insert(t.TempDir()+"/f"))
	t.Run("sub", func(t *testing.T) {
		require.NoError(t, insert(t.TempDir()+"/g"))
	})
}

// The same literal whose error a caller only logs.
func TestInsertLiteralLogged(t *testing.T) {
	insert := func(name string) error {
		f, err := os.Create(name) // want `file from os.Create is not closed when returning at line 154`
		if err != nil {
			return err
		}
		if _, err := f.WriteString("row\n"); err != nil {
			return err
		}
		return f.Close()
	}
	if err := insert(t.TempDir() + "/h"); errors.Is(err, os.ErrExist) {
		t.Log("exists")
	}
}

// checkErr stops the test when err is not nil: a guard like
// require.NoError, derived from its body.
func checkErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

func TestWriteHeaderGuard(t *testing.T) {
	checkErr(t, writeBody(t.TempDir()+"/i"))
}

func writeBody(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if _, err := f.WriteString("body\n"); err != nil {
		return err
	}
	return f.Close()
}

// writeRetried is retried on error: a passing run can take its leaking
// return before a retry succeeds.
func writeRetried(name string) error {
	f, err := os.Create(name) // want `file from os.Create is not closed when returning at line \d+`
	if err != nil {
		return err
	}
	if _, err := f.WriteString("retried\n"); err != nil {
		return err
	}
	return f.Close()
}

func TestWriteRetried(t *testing.T) {
	for i := 0; ; i++ {
		err := writeRetried(t.TempDir() + "/j")
		if err == nil {
			break
		}
		if i == 3 {
			t.Fatal(err)
		}
	}
}

// recovered panics and recovers: it returns, and the test goes on as
// passing.
func recovered(t *testing.T) {
	defer func() { recover() }()
	panic("recovered")
}

func TestReturnAfterRecovered(t *testing.T) {
	f, err := os.Open("testdata/in.txt") // want `file from os.Open is not closed when returning at line \d+`
	if err != nil {
		t.Fatal(err)
	}
	if fi, err := f.Seek(0, io.SeekEnd); err != nil || fi == 0 {
		recovered(t)
		return
	}
	f.Close()
}
