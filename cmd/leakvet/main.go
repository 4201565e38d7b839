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
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/leakvet/leakvet/analyzers"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/unitchecker"
	"gopkg.in/yaml.v3"
)

func main() {
	if slices.Contains(os.Args[1:], "-V=full") || slices.Contains(os.Args[1:], "--V=full") {
		// The go command keys its cache of vet results by this line: it
		// covers the configuration file too, so that editing it is not
		// answered with results cached under the old settings.
		if err := printToolID(os.Stdout); err != nil {
			fmt.Fprintf(os.Stderr, "leakvet: %v\n", err)
			os.Exit(exitInternal)
		}
		return
	}
	if invokedByGoCommand(os.Args[1:]) {
		// go vet and go fix speak a protocol of their own (-V=full, -flags,
		// then one JSON .cfg file per package); unitchecker implements it.
		// The suite's own settings (-generated, -baseline) are flags of
		// the command line it parses, so go vet forwards them too.
		for _, f := range analyzers.SuiteFlags() {
			flag.Var(f.Value, f.Name, f.Usage)
		}
		flag.String("config", "", "read settings from this file instead of "+configFileName+" in the module root")
		// go vet starts one process per package with the same flags: a
		// bad value is said in one line, without unitchecker's usage text.
		all := analyzers.All()
		if err := checkToolFlags(os.Args[1:], all); err != nil {
			fmt.Fprintf(os.Stderr, "leakvet: %v\n", err)
			os.Exit(exitBadInput)
		}
		if last := os.Args[len(os.Args)-1]; strings.HasSuffix(last, ".cfg") {
			// A package to analyse: apply the configuration file first,
			// so that the command line's flags, parsed next, override it.
			// Checks the file disables become -CHECK=false flags in front
			// of the user's, with go vet's selection rule.
			cwd, _ := os.Getwd()
			enabled, err := applyConfigFile(os.Args[1:], cwd, all)
			if err != nil {
				fmt.Fprintf(os.Stderr, "leakvet: %v\n", err)
				os.Exit(exitBadInput)
			}
			if enabled != nil {
				args := []string{os.Args[0]}
				for _, a := range all {
					if !slices.Contains(enabled, a) {
						args = append(args, "-"+a.Name+"=false")
					}
				}
				os.Args = append(args, os.Args[1:]...)
			}
		}
		if last := os.Args[len(os.Args)-1]; strings.HasSuffix(last, ".cfg") && vetxOnly(last) {
			// A dependency, analysed for its facts alone: the finding
			// halves, which unitchecker would still run, do nothing.
			all = analyzers.FactsOnly(all)
		}
		unitchecker.Main(all...)
		return
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// vetxOnly reports whether the go command's configuration file for a
// package asks for its facts only (a dependency of the packages vetted).
// A file it cannot read is left to unitchecker to report.
func vetxOnly(cfgFile string) bool {
	data, err := os.ReadFile(cfgFile)
	if err != nil {
		return false
	}
	var cfg struct{ VetxOnly bool }
	return json.Unmarshal(data, &cfg) == nil && cfg.VetxOnly
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

// printToolID prints the line the go command reads from -V=full (the
// format of golang.org/x/tools' unitchecker): a hash of the executable,
// and of the configuration file found from the current directory, the
// go command's, if there is one.
func printToolID(w io.Writer) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	f, err := os.Open(exe)
	if err != nil {
		return err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return err
	}
	cwd, _ := os.Getwd()
	if path := findConfigFile("", cwd); path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		fmt.Fprintf(h, "\x00%s\x00%s", path, data)
		// And the baseline it names, whose content decides what is
		// reported.
		var raw any
		if yaml.Unmarshal(data, &raw) == nil {
			if b := resolveBaseline(raw, filepath.Dir(path)); b != "" {
				content, _ := os.ReadFile(b)
				fmt.Fprintf(h, "\x00%s\x00%s", b, content)
			}
		}
	}
	_, err = fmt.Fprintf(w, "%s version devel comments-go-here buildID=%02x\n", exe, h.Sum(nil))
	return err
}
