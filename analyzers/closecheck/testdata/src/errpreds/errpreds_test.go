package errpreds

import (
	"os"
	"testing"
)

// endsTest is true when the test is over for this case: an error was
// expected, and a nil one has failed the test before the return.
func endsTest(t *testing.T, err error, wantError bool) bool {
	t.Helper()
	if wantError {
		if err == nil {
			t.Fatalf("got nil, want an error")
		}
		return true
	}
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	return false
}

// endsQuietly returns true without failing the test when an error was
// expected and none came.
func endsQuietly(t *testing.T, err error, wantError bool) bool {
	t.Helper()
	if wantError {
		if err == nil {
			t.Logf("got nil, want an error")
		}
		return true
	}
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
	return false
}

func TestOpenCases(t *testing.T) {
	for _, tc := range []struct {
		name    string
		wantErr bool
	}{{"testdata/in.txt", false}, {"testdata/missing", true}} {
		f, err := os.Open(tc.name)
		if endsTest(t, err, tc.wantErr) {
			continue
		}
		f.Close()
	}
}

func TestOpenCasesQuietly(t *testing.T) {
	for _, tc := range []struct {
		name    string
		wantErr bool
	}{{"testdata/in.txt", false}, {"testdata/missing", true}} {
		f, err := os.Open(tc.name) // want `file from os.Open is not closed before the next loop iteration acquires another`
		if endsQuietly(t, err, tc.wantErr) {
			continue
		}
		f.Close()
	}
}
