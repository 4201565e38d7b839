package main

import (
	"path/filepath"
	"testing"
)

// TestDeterministicOutput: two runs over the same packages print the same
// bytes (no map order, no scheduling order leaks into the output).
func TestDeterministicOutput(t *testing.T) {
	root, _ := filepath.Abs("../..")
	for _, format := range []string{"json", "text"} {
		first := runIn(t, root, binary, "-format="+format, "./testdata/demo/...")
		second := runIn(t, root, binary, "-format="+format, "./testdata/demo/...")
		if first.code != exitFindings {
			t.Fatalf("-format=%s: exit %d on the demo: %s", format, first.code, first.stderr)
		}
		if first.stdout != second.stdout {
			t.Errorf("-format=%s output differs between runs:\n%s\n----\n%s", format, first.stdout, second.stdout)
		}
	}
}
