package resource

import "testing"

func TestCommandPackage(t *testing.T) {
	for path, want := range map[string]bool{
		"github.com/spf13/cobra":    true,
		"github.com/urfave/cli/v2":  true,
		"github.com/urfave/cli/v3":  true,
		"github.com/urfave/cli":     true, // v1: Action is an interface{}
		"github.com/urfave":         false,
		"github.com/spf13":          false, // a prefix of a path is not the package
		"github.com/spf13/cobra/v2": false,
		"os":                        false,
	} {
		if got := CommandPackage(path); got != want {
			t.Errorf("CommandPackage(%q) = %v, want %v", path, got, want)
		}
	}
}
