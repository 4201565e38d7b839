package main

import (
	"bytes"
	"fmt"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// applyFixes applies the first suggested fix of each finding, and writes
// the changed files. It returns the keys of the findings it fixed, and
// whether any file changed.
func applyFixes(findings []finding, stderr io.Writer) (map[string]bool, bool, error) {
	plan, err := planFixes(findings, stderr)
	if err != nil {
		return nil, false, err
	}
	for _, c := range plan.changes {
		info, err := os.Stat(c.file)
		if err != nil {
			return nil, false, err
		}
		if err := os.WriteFile(c.file, c.after, info.Mode().Perm()); err != nil {
			return nil, false, err
		}
	}
	return plan.fixed, len(plan.changes) > 0, nil
}

// diffFixes prints what applyFixes would change as a unified diff, and
// writes nothing. File names are relative to cwd where they are inside
// it, so that `patch -p0` run there applies the diff.
func diffFixes(findings []finding, cwd string, stdout, stderr io.Writer) error {
	plan, err := planFixes(findings, stderr)
	if err != nil {
		return err
	}
	for _, c := range plan.changes {
		name := c.file
		if rel, err := filepath.Rel(cwd, c.file); cwd != "" && err == nil && !strings.HasPrefix(rel, "..") {
			name = rel
		}
		if _, err := io.WriteString(stdout, unifiedDiff(name, c.before, c.after)); err != nil {
			return err
		}
	}
	return nil
}

// fixPlan is the result of planning: the new content of every file that
// changes, and the keys of the findings whose fixes it contains.
type fixPlan struct {
	changes []fileChange // sorted by file
	fixed   map[string]bool
}

type fileChange struct {
	file          string
	before, after []byte
}

// planFixes decides which fixes to apply. A fix is applied whole or not
// at all: one whose edits overlap an edit of a fix taken before it is left
// out (and said so), and when a file's result would not parse, every fix
// that edits that file is left out, in all the files it edits. A file is
// read once and its result formatted.
func planFixes(findings []finding, stderr io.Writer) (*fixPlan, error) {
	type candidate struct {
		key   string
		edits []edit
	}
	var taken []candidate
	var accepted []edit
	for _, f := range findings {
		if len(f.Fixes) == 0 {
			continue
		}
		edits := f.Fixes[0].Edits
		clash := slices.ContainsFunc(edits, func(e edit) bool {
			return slices.ContainsFunc(accepted, func(o edit) bool { return overlap(o, e) })
		})
		if clash {
			fmt.Fprintf(stderr, "leakvet: not applying the fix of %s: it overlaps another fix\n", f.Posn)
			continue
		}
		accepted = append(accepted, edits...)
		taken = append(taken, candidate{f.key(), edits})
	}

	sources := map[string][]byte{}
	for {
		byFile := map[string][]edit{}
		for _, c := range taken {
			for _, e := range c.edits {
				if !slices.Contains(byFile[e.File], e) {
					byFile[e.File] = append(byFile[e.File], e)
				}
			}
		}
		files := slices.Sorted(func(yield func(string) bool) {
			for f := range byFile {
				if !yield(f) {
					return
				}
			}
		})
		plan := &fixPlan{fixed: map[string]bool{}}
		var refused string
		for _, file := range files {
			src, ok := sources[file]
			if !ok {
				var err error
				src, err = os.ReadFile(file)
				if err != nil {
					return nil, err
				}
				sources[file] = src
			}
			out, err := applyEdits(src, byFile[file])
			if err != nil {
				return nil, fmt.Errorf("%s: %v", file, err)
			}
			if _, err := parser.ParseFile(token.NewFileSet(), file, out, parser.ParseComments); err != nil {
				fmt.Fprintf(stderr, "leakvet: not applying fixes to %s: the result would not parse: %v\n", file, err)
				refused = file
				break
			}
			if formatted, err := format.Source(out); err == nil {
				out = formatted
			}
			if !bytes.Equal(src, out) {
				plan.changes = append(plan.changes, fileChange{file, src, out})
			}
		}
		if refused == "" {
			for _, c := range taken {
				plan.fixed[c.key] = true
			}
			return plan, nil
		}
		// Leave out every fix that edits the refused file, and plan again:
		// their edits in other files go too.
		taken = slices.DeleteFunc(taken, func(c candidate) bool {
			return slices.ContainsFunc(c.edits, func(e edit) bool { return e.File == refused })
		})
	}
}

// overlap reports whether two edits of the same file touch the same text
// (an insertion touches the byte it precedes). Identical edits do not
// overlap: two fixes may make the same change.
func overlap(a, b edit) bool {
	if a.File != b.File || a == b {
		return false
	}
	return a.Start < max(b.End, b.Start+1) && b.Start < max(a.End, a.Start+1)
}

func applyEdits(src []byte, edits []edit) ([]byte, error) {
	edits = slices.Clone(edits)
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
