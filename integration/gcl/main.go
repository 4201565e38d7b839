// Command golangci-lint is golangci-lint v2 with the leakvet module plugin
// compiled in: what `golangci-lint custom` builds from .custom-gcl.yml,
// without the git clone of golangci-lint that the custom command needs.
//
//	cd integration/gcl && go build -o ../../bin/golangci-lint .
//
// The module's replace directive builds the plugin from this checkout.
package main

import (
	"fmt"
	"os"
	"runtime/debug"

	"github.com/golangci/golangci-lint/v2/pkg/commands"
	"github.com/golangci/golangci-lint/v2/pkg/exitcodes"

	// The plugin registers itself with golangci-lint's plugin registry.
	_ "github.com/leakvet/leakvet/gclplugin"
)

func main() {
	if err := commands.Execute(buildInfo()); err != nil {
		fmt.Fprintf(os.Stderr, "golangci-lint: %v\n", err)
		os.Exit(exitcodes.Failure)
	}
}

// buildInfo reports the golangci-lint release the binary was built from.
// Version stays "(devel)": golangci-lint salts its analysis cache with the
// version when there is one, and with a hash of the executable otherwise,
// and only the hash notices that the plugin inside changed.
func buildInfo() commands.BuildInfo {
	info := commands.BuildInfo{Version: "(devel)", Commit: "golangci-lint (unknown version) with leakvet", Date: "(unknown)"}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return info
	}
	info.GoVersion = bi.GoVersion
	info.BuildInfo = bi
	gcl, leakvet := "(unknown version)", "(devel)"
	for _, dep := range bi.Deps {
		switch dep.Path {
		case "github.com/golangci/golangci-lint/v2":
			gcl = dep.Version
		case "github.com/leakvet/leakvet":
			if dep.Replace == nil {
				leakvet = dep.Version
			}
		}
	}
	info.Commit = fmt.Sprintf("golangci-lint %s with leakvet %s", gcl, leakvet)
	return info
}
