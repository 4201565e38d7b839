// Command corpusloc counts the Go source lines of the packages matched by
// its arguments (package patterns, resolved in the current directory's
// module), grouped by module. Test files are not counted: only the files
// that "go build" compiles for the current GOOS/GOARCH.
//
// For every file it reports physical lines and code lines; a code line is a
// line on which at least one Go token other than a comment starts or which a
// multi-line token (a raw string) spans. Blank and comment-only lines are the
// difference.
//
//	corpusloc [-md] [-list] pattern...
package main

import (
	"bytes"
	"flag"
	"fmt"
	"go/scanner"
	"go/token"
	"os"
	"sort"
	"strings"

	"golang.org/x/tools/go/packages"
)

type count struct {
	pkgs, files, lines, code int
}

func (c *count) add(o count) {
	c.pkgs += o.pkgs
	c.files += o.files
	c.lines += o.lines
	c.code += o.code
}

func main() {
	md := flag.Bool("md", false, "print a Markdown table")
	list := flag.Bool("list", false, "print one line per package instead of per module")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: corpusloc [-md] [-list] pattern...")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}

	cfg := &packages.Config{Mode: packages.NeedName | packages.NeedFiles | packages.NeedModule}
	pkgs, err := packages.Load(cfg, flag.Args()...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "corpusloc:", err)
		os.Exit(1)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		fmt.Fprintf(os.Stderr, "corpusloc: %d packages have errors\n", n)
		os.Exit(1)
	}

	byMod := map[string]*count{}
	var total count
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].PkgPath < pkgs[j].PkgPath })
	for _, p := range pkgs {
		var c count
		c.pkgs = 1
		for _, f := range p.GoFiles {
			lines, code, err := countFile(f)
			if err != nil {
				fmt.Fprintln(os.Stderr, "corpusloc:", err)
				os.Exit(1)
			}
			c.files++
			c.lines += lines
			c.code += code
		}
		mod := "(no module)"
		if p.Module != nil {
			mod = p.Module.Path + "@" + p.Module.Version
		}
		if *list {
			fmt.Printf("%s\t%s\t%d\t%d\t%d\n", p.PkgPath, mod, c.files, c.lines, c.code)
		}
		if byMod[mod] == nil {
			byMod[mod] = new(count)
		}
		byMod[mod].add(c)
		total.add(c)
	}
	if *list {
		return
	}

	mods := make([]string, 0, len(byMod))
	for m := range byMod {
		mods = append(mods, m)
	}
	sort.Strings(mods)
	if *md {
		fmt.Println("| module | packages | files | lines | code lines |")
		fmt.Println("|---|---:|---:|---:|---:|")
		for _, m := range mods {
			c := byMod[m]
			fmt.Printf("| %s | %d | %d | %d | %d |\n", m, c.pkgs, c.files, c.lines, c.code)
		}
		fmt.Printf("| **total** | **%d** | **%d** | **%d** | **%d** |\n", total.pkgs, total.files, total.lines, total.code)
		return
	}
	w := 0
	for _, m := range mods {
		w = max(w, len(m))
	}
	fmt.Printf("%-*s %8s %6s %8s %8s\n", w, "module", "packages", "files", "lines", "code")
	for _, m := range mods {
		c := byMod[m]
		fmt.Printf("%-*s %8d %6d %8d %8d\n", w, m, c.pkgs, c.files, c.lines, c.code)
	}
	fmt.Printf("%-*s %8d %6d %8d %8d\n", w, "total", total.pkgs, total.files, total.lines, total.code)
}

// countFile returns the number of physical lines and of code lines in the
// Go file at path.
func countFile(path string) (lines, code int, err error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, err
	}
	lines = bytes.Count(src, []byte("\n"))
	if len(src) > 0 && src[len(src)-1] != '\n' {
		lines++
	}

	fset := token.NewFileSet()
	file := fset.AddFile(path, -1, len(src))
	var s scanner.Scanner
	var scanErr error
	s.Init(file, src, func(pos token.Position, msg string) {
		if scanErr == nil {
			scanErr = fmt.Errorf("%s: %s", pos, msg)
		}
	}, 0) // comments are skipped
	isCode := make([]bool, lines+2)
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		// The scanner inserts automatic semicolons at line ends; they are
		// not source text.
		if tok == token.SEMICOLON && lit == "\n" {
			continue
		}
		first := file.Line(pos)
		last := first + strings.Count(lit, "\n")
		for l := first; l <= last && l < len(isCode); l++ {
			isCode[l] = true
		}
	}
	if scanErr != nil {
		return 0, 0, scanErr
	}
	for _, c := range isCode {
		if c {
			code++
		}
	}
	return lines, code, nil
}
