package expecterr

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	gtassert "gotest.tools/v3/assert"
	is "gotest.tools/v3/assert/cmp"
)

// The test passes only when Open fails, and then there is no file.
func TestOpenMissingRequire(t *testing.T) {
	f, err := os.Open("testdata/missing")
	require.Error(t, err)
	t.Log(f)
}

// assert.Error goes on after failing the test: the path with a nil error
// is a failed run.
func TestOpenMissingAssert(t *testing.T) {
	f, err := os.Open("testdata/missing")
	assert.Error(t, err)
	t.Log(f)
}

// requireError stands for a package's own helper: it stops the test when
// err is nil.
func requireError(t *testing.T, err error) {
	t.Helper()
	if err == nil {
		t.Fatalf("want an error")
	}
}

func TestOpenMissingHelper(t *testing.T) {
	f, err := os.Open("testdata/missing")
	requireError(t, err)
	t.Log(f)
}

// checkError stops the test when err is not nil, not when it is nil: on
// the passing path the file is open.
func checkError(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

func TestOpenGuardedNotExpected(t *testing.T) {
	f, err := os.Open("testdata/in.txt") // want `file from os.Open is not closed when returning at line \d+`
	checkError(t, err)
	t.Log(f)
}

// The expected error is another call's: the file from Open is open on the
// passing path.
func TestStatExpectsError(t *testing.T) {
	f, err := os.Open("testdata/in.txt") // want `file from os.Open is not closed when returning at line \d+`
	require.NoError(t, err)
	_, err = f.Seek(-1, 0)
	require.Error(t, err)
}

// requireErrorTB takes testing.TB: its Fatalf is an interface call, which
// stops the test all the same.
func requireErrorTB(tb testing.TB, err error) {
	tb.Helper()
	if err == nil {
		tb.Fatalf("want an error")
	}
}

func TestOpenMissingHelperTB(t *testing.T) {
	f, err := os.Open("testdata/missing")
	requireErrorTB(t, err)
	t.Log(f)
}

// logErrorTB only logs through testing.TB.
func logErrorTB(tb testing.TB, err error) {
	if err == nil {
		tb.Logf("no error")
	}
}

func TestOpenLogsTB(t *testing.T) {
	f, err := os.Open("testdata/in.txt") // want `file from os.Open is not closed when returning at line \d+`
	logErrorTB(t, err)
	t.Log(f)
}

// gotest.tools: the same expectations.
func TestOpenMissingGotestTools(t *testing.T) {
	f, err := os.Open("testdata/missing")
	gtassert.ErrorContains(t, err, "no such file")
	t.Log(f)
}

// An expected-error comparison checked with assert.Check: the path with
// a nil error is a failed run.
func TestOpenMissingCheckComparison(t *testing.T) {
	for _, wantErr := range []string{"", "open testdata/maybe: no such file or directory"} {
		f, err := os.Open("testdata/maybe")
		if wantErr != "" {
			gtassert.Check(t, is.Error(err, wantErr))
			continue
		}
		f.Close()
	}
}

// A comparison that does not expect an error proves nothing about the
// file.
func TestOpenCheckNil(t *testing.T) {
	f, err := os.Open("testdata/maybe") // want `file from os.Open is not closed when returning at line \d+`
	gtassert.Check(t, is.Nil(err))
	t.Log(f)
}

// NilError stops the test on a failed Open: past it the file is open and
// must be closed.
func TestOpenNilError(t *testing.T) {
	f, err := os.Open("testdata/in.txt") // want `file from os.Open is not closed when returning at line \d+`
	gtassert.NilError(t, err)
	t.Log(f)
}
