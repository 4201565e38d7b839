package tablerows

import (
	"net/http"
	"os"
	"testing"
)

// No row sets wantCode: the early return for another code is no path
// of the test.
func TestNoRowSetsCode(t *testing.T) {
	for _, tc := range []struct {
		name     string
		wantCode int
	}{
		{name: "a"},
		{name: "b"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := os.Open(tc.name)
			if err != nil {
				t.Fatal(err)
			}
			want := http.StatusOK
			if tc.wantCode != 0 {
				want = tc.wantCode
			}
			if got := status(f); got != want {
				t.Fatalf("got %d, want %d", got, want)
			}
			if want != http.StatusOK {
				return
			}
			f.Close()
		})
	}
}

// One row sets another code: its run returns with the file open.
func TestOneRowSetsCode(t *testing.T) {
	for _, tc := range []struct {
		name     string
		wantCode int
	}{
		{name: "a"},
		{name: "b", wantCode: http.StatusNotFound},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f, err := os.Open(tc.name) // want `file from os.Open is not closed when returning at line 61`
			if err != nil {
				t.Fatal(err)
			}
			want := http.StatusOK
			if tc.wantCode != 0 {
				want = tc.wantCode
			}
			if got := status(f); got != want {
				t.Fatalf("got %d, want %d", got, want)
			}
			if want != http.StatusOK {
				return
			}
			f.Close()
		})
	}
}

// Every row of a table held in a variable sets 200: the test of
// another code is false in each.
func TestEveryRowSetsOK(t *testing.T) {
	tests := []struct {
		name     string
		wantCode int
	}{
		{"a", http.StatusOK},
	}
	for _, tc := range tests {
		f, err := os.Open(tc.name)
		if err != nil {
			t.Fatal(err)
		}
		if got := status(f); got != tc.wantCode {
			t.Fatalf("got %d, want %d", got, tc.wantCode)
		}
		if tc.wantCode != http.StatusOK {
			continue
		}
		f.Close()
	}
}

// The body changes the row: its fields no longer say what the table does.
func TestRowChanged(t *testing.T) {
	for _, tc := range []struct {
		name string
		skip bool
	}{
		{name: "a"},
	} {
		if len(tc.name) > 3 {
			tc.skip = true
		}
		f, err := os.Open(tc.name) // want `file from os.Open is not closed when returning at line 108`
		if err != nil {
			t.Fatal(err)
		}
		if tc.skip {
			return
		}
		f.Close()
	}
}

// A row sets the field from a value the table does not know.
func TestRowFromVariable(t *testing.T) {
	skip := os.Getenv("SKIP") != ""
	for _, tc := range []struct {
		name string
		skip bool
	}{
		{name: "a", skip: skip},
	} {
		f, err := os.Open(tc.name) // want `file from os.Open is not closed when returning at line 128`
		if err != nil {
			t.Fatal(err)
		}
		if tc.skip {
			return
		}
		f.Close()
	}
}

// A table the function also appends to: its literal is not every row.
func TestTableAppended(t *testing.T) {
	tests := []struct {
		name string
		skip bool
	}{
		{name: "a"},
	}
	tests = append(tests, struct {
		name string
		skip bool
	}{"b", true})
	for _, tc := range tests {
		f, err := os.Open(tc.name) // want `file from os.Open is not closed when returning at line 152`
		if err != nil {
			t.Fatal(err)
		}
		if tc.skip {
			return
		}
		f.Close()
	}
}
