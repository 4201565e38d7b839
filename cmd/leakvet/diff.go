package main

import (
	"fmt"
	"strings"
)

// unifiedDiff returns the unified diff (3 lines of context) that turns
// before into after, with file as both names; "" when they are equal.
func unifiedDiff(file string, before, after []byte) string {
	a, b := splitLines(string(before)), splitLines(string(after))
	ops := diffLines(a, b)
	if len(ops) == 0 {
		return ""
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", file, file)
	const context = 3
	// Group the changes into hunks: changes closer than 2*context lines
	// share a hunk.
	for i := 0; i < len(ops); {
		j := i
		for j+1 < len(ops) && ops[j+1].a1-ops[j].a2 <= 2*context {
			j++
		}
		a1 := max(ops[i].a1-context, 0)
		a2 := min(ops[j].a2+context, len(a))
		b1 := ops[i].b1 - (ops[i].a1 - a1)
		b2 := ops[j].b2 + (a2 - ops[j].a2)
		fmt.Fprintf(&sb, "@@ -%s +%s @@\n", hunkRange(a1, a2), hunkRange(b1, b2))
		pos := a1
		for _, op := range ops[i : j+1] {
			for ; pos < op.a1; pos++ {
				writeLine(&sb, ' ', a[pos])
			}
			for _, l := range a[op.a1:op.a2] {
				writeLine(&sb, '-', l)
			}
			for _, l := range b[op.b1:op.b2] {
				writeLine(&sb, '+', l)
			}
			pos = op.a2
		}
		for ; pos < a2; pos++ {
			writeLine(&sb, ' ', a[pos])
		}
		i = j + 1
	}
	return sb.String()
}

func hunkRange(start, end int) string {
	n := end - start
	if n == 0 {
		return fmt.Sprintf("%d,0", start)
	}
	if n == 1 {
		return fmt.Sprint(start + 1)
	}
	return fmt.Sprintf("%d,%d", start+1, n)
}

func writeLine(sb *strings.Builder, mark byte, line string) {
	sb.WriteByte(mark)
	sb.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		sb.WriteString("\n\\ No newline at end of file\n")
	}
}

func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// change replaces a[a1:a2] with b[b1:b2].
type change struct{ a1, a2, b1, b2 int }

// diffLines returns the changes that turn a into b, in order: the common
// prefix and suffix are kept, and the middle is diffed by longest common
// subsequence (or replaced whole when it is too large for that).
func diffLines(a, b []string) []change {
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]
	if len(ma) == 0 && len(mb) == 0 {
		return nil
	}
	if len(ma)*len(mb) > 4_000_000 {
		return []change{{pre, pre + len(ma), pre, pre + len(mb)}}
	}
	// lcs[i][j] is the length of the LCS of ma[i:] and mb[j:].
	lcs := make([][]int, len(ma)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(mb)+1)
	}
	for i := len(ma) - 1; i >= 0; i-- {
		for j := len(mb) - 1; j >= 0; j-- {
			if ma[i] == mb[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []change
	var cur *change
	flush := func() {
		if cur != nil {
			out = append(out, *cur)
			cur = nil
		}
	}
	i, j := 0, 0
	for i < len(ma) || j < len(mb) {
		switch {
		case i < len(ma) && j < len(mb) && ma[i] == mb[j]:
			flush()
			i, j = i+1, j+1
			continue
		case cur == nil:
			cur = &change{pre + i, pre + i, pre + j, pre + j}
		}
		if j < len(mb) && (i == len(ma) || lcs[i][j+1] >= lcs[i+1][j]) {
			j++
			cur.b2 = pre + j
		} else {
			i++
			cur.a2 = pre + i
		}
	}
	flush()
	return out
}
