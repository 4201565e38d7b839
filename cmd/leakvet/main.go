// Command leakvet reports resource leaks in Go packages: unclosed HTTP
// response bodies, database sessions never released, files, connections
// and processes never closed, goroutines that can never finish, and
// package-level caches that only grow.
//
// Usage:
//
//	leakvet [flags] [packages]
//
// The same binary runs under the go command:
//
//	go vet -vettool=$(command -v leakvet) ./...
//	go fix -fixtool=$(command -v leakvet) ./...
//
// Run `leakvet -help` for flags, checks and exit codes.
package main

import (
	"os"
	"strings"

	"github.com/leakvet/leakvet/analyzers"
	"golang.org/x/tools/go/analysis/unitchecker"
)

func main() {
	if invokedByGoCommand(os.Args[1:]) {
		// go vet and go fix speak a protocol of their own (-V=full, -flags,
		// then one JSON .cfg file per package); unitchecker implements it.
		unitchecker.Main(analyzers.All()...)
		return
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// invokedByGoCommand reports whether the arguments are the go command's
// vet/fix tool protocol rather than a user's command line.
func invokedByGoCommand(args []string) bool {
	if len(args) == 0 {
		return false
	}
	last := args[len(args)-1]
	if strings.HasSuffix(last, ".cfg") {
		return true
	}
	for _, a := range args {
		switch a {
		case "-V=full", "--V=full", "-flags", "--flags":
			return true
		}
	}
	return false
}
