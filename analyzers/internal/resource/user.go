package resource

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
)

// UserResources are acquire/release pairs that users add to the table
// (their own pools, clients, sessions, spans). It implements flag.Value;
// the config analyzer holds one as its flag closecheck.resources, which
// the closecheck check exposes as -closecheck.resources.
//
// Syntax: entries separated by ';' or new lines, each
//
//	ACQUIRE[#RESULT] => RELEASE[, RELEASE...]
//
// ACQUIRE is a function or method as go/types spells it:
// "example.com/pool.New", "(*example.com/pool.Pool).Get",
// "(example.com/trace.Tracer).Start". RESULT is the index of the acquired
// value among the results (default 0). Each RELEASE is either ".Method"
// (a method called on the value, ".Field.Method" through a field) or a
// function or method that releases the value passed to it
// ("(*example.com/pool.Pool).Put").
type UserResources struct {
	mu      sync.Mutex
	spec    string
	entries []UserEntry
}

// UserEntry is one parsed acquire/release pair.
type UserEntry struct {
	Text     string // the entry as written
	Acquire  string
	Result   int
	Methods  []string // "Close", "Process.Wait"
	Releases []string // functions that release their argument
}

func (u *UserResources) String() string {
	if u == nil {
		return ""
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.spec
}

// Set parses spec and adds its entries to those set before, so that a
// repeated flag adds entries; Set("") clears them. On error nothing
// changes.
func (u *UserResources) Set(spec string) error {
	entries, err := ParseUser(spec)
	if err != nil {
		return err
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	switch {
	case strings.TrimSpace(spec) == "":
		u.spec, u.entries = "", nil
	case u.spec == "":
		u.spec, u.entries = spec, entries
	default:
		u.spec, u.entries = u.spec+"; "+spec, append(u.entries, entries...)
	}
	return nil
}

// Entries returns a copy of the parsed entries.
func (u *UserResources) Entries() []UserEntry {
	u.mu.Lock()
	defer u.mu.Unlock()
	return append([]UserEntry(nil), u.entries...)
}

var (
	// pkg/path.Func, (pkg/path.Type).Method, (*pkg/path.Type).Method
	funcName   = regexp.MustCompile(`^(\(\*?[^()\s*]+\.[A-Za-z_][A-Za-z0-9_]*\)\.[A-Za-z_][A-Za-z0-9_]*|[^()\s*]+\.[A-Za-z_][A-Za-z0-9_]*)$`)
	methodPath = regexp.MustCompile(`^\.([A-Za-z_][A-Za-z0-9_]*\.)?[A-Za-z_][A-Za-z0-9_]*$`)
)

// ParseUser parses user resource entries. Errors name the entry (1-based)
// and what is wrong with it.
func ParseUser(spec string) ([]UserEntry, error) {
	var entries []UserEntry
	n := 0
	for _, raw := range strings.FieldsFunc(spec, func(r rune) bool { return r == ';' || r == '\n' }) {
		text := strings.TrimSpace(raw)
		if text == "" {
			continue
		}
		n++
		bad := func(format string, args ...any) error {
			return fmt.Errorf("resource entry %d (%q): %s", n, text, fmt.Sprintf(format, args...))
		}
		acq, rel, ok := strings.Cut(text, "=>")
		if !ok {
			return nil, bad(`missing "=>" between the acquiring function and its release`)
		}
		acq, rel = strings.TrimSpace(acq), strings.TrimSpace(rel)
		e := UserEntry{Text: text}
		if name, idx, ok := strings.Cut(acq, "#"); ok {
			i, err := strconv.Atoi(idx)
			if err != nil || i < 0 || i > 15 {
				return nil, bad("result index %q after '#' must be a number from 0 to 15", idx)
			}
			acq, e.Result = strings.TrimSpace(name), i
		}
		if !funcName.MatchString(acq) {
			return nil, bad("acquiring function %q is not a function or method name like example.com/pkg.Open or (*example.com/pkg.Pool).Get", acq)
		}
		e.Acquire = acq
		if rel == "" {
			return nil, bad("no release after \"=>\"")
		}
		for _, r := range strings.Split(rel, ",") {
			r = strings.TrimSpace(r)
			switch {
			case r == "":
				return nil, bad("empty release in the list %q", rel)
			case strings.HasPrefix(r, "."):
				if !methodPath.MatchString(r) {
					return nil, bad("release %q is not a method like .Close or .Field.Close", r)
				}
				e.Methods = append(e.Methods, r[1:])
			case funcName.MatchString(r):
				e.Releases = append(e.Releases, r)
			default:
				return nil, bad("release %q is neither a method (.Close) nor a function name like (*example.com/pkg.Pool).Put", r)
			}
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// WithUser adds the user's entries to t, each as a kind of its own
// reported by closecheck, and returns t.
func (t *Table) WithUser(entries []UserEntry) *Table {
	for _, e := range entries {
		k := &Kind{
			ID:           "user:" + e.Acquire + "#" + strconv.Itoa(e.Result),
			Check:        "closecheck",
			Noun:         "resource",
			Release:      e.Methods,
			ReleaseFuncs: e.Releases,
			Unreleased:   "not released",
		}
		if len(e.Methods) > 0 && !strings.Contains(e.Methods[0], ".") {
			k.ReleaseText = e.Methods[0]
		}
		t.add(k)
		t.addAcquirer(Acquirer{Func: e.Acquire, Result: e.Result, Kind: k.ID, Why: "user-defined"})
	}
	return t
}

func (t *Table) add(k *Kind) {
	t.kinds = append(t.kinds, k)
	if t.typeNames != nil && k.Type != "" { // no type spells ""
		if name, ok := spelledTypeName(k.Type); ok {
			t.typeNames[name] = true
		} else {
			t.typeNames = nil
		}
	}
	t.byID[k.ID] = k
	for _, r := range k.Release {
		if _, m, ok := strings.Cut(r, "."); ok {
			r = m
		}
		t.releases[r] = true
	}
}
