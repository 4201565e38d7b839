package main

import (
	"bytes"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"os"
	"slices"
)

// applyFixes applies the first suggested fix of each finding. A fix whose
// edits overlap another fix's edits is not applied (it is reported, and
// its finding stays), and a file whose result would not parse is left
// untouched. It returns the keys of the findings it fixed.
func applyFixes(findings []finding, stderr io.Writer) (map[string]bool, error) {
	type planned struct {
		key   string
		edits []edit
	}
	byFile := map[string][]planned{}
	var files []string
	for _, f := range findings {
		if len(f.Fixes) == 0 {
			continue
		}
		for _, e := range f.Fixes[0].Edits {
			if _, ok := byFile[e.File]; !ok {
				files = append(files, e.File)
			}
			byFile[e.File] = append(byFile[e.File], planned{f.key(), []edit{e}})
		}
	}
	slices.Sort(files)
	fixed := map[string]bool{}
	for _, file := range files {
		plans := byFile[file]
		var edits []edit
		keys := map[string]bool{}
		conflicts := map[string]bool{}
		for _, p := range plans {
			for _, e := range p.edits {
				clash := slices.ContainsFunc(edits, func(o edit) bool {
					same := o.Start == e.Start && o.End == e.End && o.New == e.New
					return !same && o.Start < max(e.End, e.Start+1) && e.Start < max(o.End, o.Start+1)
				})
				if clash {
					conflicts[p.key] = true
					continue
				}
				if !slices.Contains(edits, e) {
					edits = append(edits, e)
				}
				keys[p.key] = true
			}
		}
		for k := range conflicts {
			delete(keys, k)
			fmt.Fprintf(stderr, "leakvet: not applying a fix in %s: it overlaps another fix\n", file)
		}
		src, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		out, err := applyEdits(src, edits)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", file, err)
		}
		if _, err := parser.ParseFile(token.NewFileSet(), file, out, parser.ParseComments); err != nil {
			fmt.Fprintf(stderr, "leakvet: not applying fixes to %s: the result would not parse: %v\n", file, err)
			continue
		}
		if formatted, err := format.Source(out); err == nil {
			out = formatted
		}
		info, err := os.Stat(file)
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(file, out, info.Mode().Perm()); err != nil {
			return nil, err
		}
		for k := range keys {
			fixed[k] = true
		}
	}
	return fixed, nil
}

func applyEdits(src []byte, edits []edit) ([]byte, error) {
	slices.SortStableFunc(edits, func(a, b edit) int { return a.Start - b.Start })
	var buf bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.Start < last || e.End < e.Start || e.End > len(src) {
			return nil, fmt.Errorf("invalid edit at offset %d", e.Start)
		}
		buf.Write(src[last:e.Start])
		buf.WriteString(e.New)
		last = e.End
	}
	buf.Write(src[last:])
	return buf.Bytes(), nil
}
