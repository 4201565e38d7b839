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
	"flag"
	"fmt"
	"os"
	"reflect"
	"strings"

	"github.com/leakvet/leakvet/analyzers"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
)

func main() {
	if invokedByGoCommand(os.Args[1:]) {
		// go vet and go fix speak a protocol of their own (-V=full, -flags,
		// then one JSON .cfg file per package); unitchecker implements it.
		// The suite's own settings (-generated, -baseline) are flags of
		// the command line it parses, so go vet forwards them too.
		for _, f := range analyzers.SuiteFlags() {
			flag.Var(f.Value, f.Name, f.Usage)
		}
		// go vet starts one process per package with the same flags: a
		// bad value is said in one line, without unitchecker's usage text.
		if err := checkToolFlags(os.Args[1:], analyzers.All()); err != nil {
			fmt.Fprintf(os.Stderr, "leakvet: %v\n", err)
			os.Exit(exitBadInput)
		}
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

// checkToolFlags checks the values of leakvet's own flags (-CHECK.FLAG and
// the suite's settings) in a go command's tool invocation, each on a
// fresh value of the flag's type so that nothing is set twice. Flags it
// does not know are left to unitchecker.
func checkToolFlags(args []string, all []*analysis.Analyzer) error {
	known := map[string]flag.Value{}
	for _, a := range all {
		a.Flags.VisitAll(func(f *flag.Flag) { known[a.Name+"."+f.Name] = f.Value })
	}
	for _, f := range analyzers.SuiteFlags() {
		known[f.Name] = f.Value
	}
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" || !strings.HasPrefix(arg, "-") {
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		v, ok := known[name]
		if !ok {
			continue
		}
		isBool := false
		if b, ok := v.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			isBool = true
		}
		if !hasValue {
			if isBool {
				continue
			}
			if i+1 >= len(args) {
				return fmt.Errorf("flag -%s needs a value", name)
			}
			i++
			value = args[i]
		}
		fresh := reflect.New(reflect.TypeOf(v).Elem()).Interface().(flag.Value)
		if err := fresh.Set(value); err != nil {
			return fmt.Errorf("invalid value %q for flag -%s: %v", value, name, err)
		}
	}
	return nil
}
