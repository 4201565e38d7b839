package resource

import (
	"strings"
	"testing"
)

func TestCommandPackage(t *testing.T) {
	for path, want := range map[string]bool{
		"github.com/spf13/cobra":         true,
		"github.com/urfave/cli/v2":       true,
		"github.com/urfave/cli/v3":       true,
		"github.com/urfave/cli":          true, // v1: Action is an interface{}
		"github.com/urfave":              false,
		"github.com/spf13":               false, // a prefix of a path is not the package
		"github.com/spf13/cobra/v2":      false,
		"github.com/choria-io/fisk":      true, // actions registered with a method
		"github.com/choria-io":           false,
		"gopkg.in/alecthomas/kingpin.v2": true,
		"os":                             false,
	} {
		if got := CommandPackage(path); got != want {
			t.Errorf("CommandPackage(%q) = %v, want %v", path, got, want)
		}
	}
}

func TestCommandTablesAreFullNames(t *testing.T) {
	for _, table := range []map[string]string{commandRegistrars, exitsOnError, fatalEventStarts, fatalEventSends, fatalEventDrops} {
		for k, reason := range table {
			if reason == "" {
				t.Errorf("%s: no reason", k)
			}
			if strings.HasPrefix(k, "(") != strings.Contains(k, ").") {
				t.Errorf("%s: not a types.Func.FullName", k)
			}
		}
	}
}
