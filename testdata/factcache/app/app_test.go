package app

import "testing"

// The package's test variant is analysed in its place; the package
// itself is then imported by none of the packages analysed.
func TestRead(t *testing.T) {
	if err := Read("no such file"); err == nil {
		t.Fatal("want an error")
	}
}
