// Package resource owns leakvet's knowledge of which calls acquire a
// resource and which method calls release it. The table is data: every
// entry says why it is there, and the checks add nothing of their own.
package resource

import (
	"go/types"
	"slices"
	"strings"
)

// A Kind is one sort of resource that must be released.
type Kind struct {
	// ID is stable: it names the kind in facts and in configuration.
	ID string
	// Check is the analyzer that reports leaks of this kind.
	Check string
	// Noun names the resource in messages ("response body").
	Noun string
	// Type is the acquired value's type, as types.TypeString prints it
	// with full package paths ("*net/http.Response").
	Type string
	// Field, when set, is the field of the acquired value that is released
	// (Body for *http.Response): the release methods are called on it.
	Field string
	// Release lists the methods whose call releases the resource. A call to
	// any of them on any path discharges the duty on that path.
	Release []string
	// ReleaseText is the deferred call a fix inserts ("Body.Close").
	ReleaseText string
	// Unreleased says what is wrong in messages; "not closed" when empty.
	Unreleased string
}

// An Acquirer is a function or method whose result must be released.
type Acquirer struct {
	// Func is the callee as types.Func.FullName prints it:
	// "net/http.Get", "(*net/http.Client).Do",
	// "(net/http.RoundTripper).RoundTrip".
	Func string
	// Result is the index of the acquired value among the results.
	Result int
	// Kind is the ID of the acquired resource's kind.
	Kind string
	// Why is the reason this function is listed.
	Why string
}

// Table is a set of kinds and their acquirers. It is immutable once built.
type Table struct {
	kinds     []*Kind
	byID      map[string]*Kind
	acquirers map[string]Acquirer
	releases  map[string]bool
}

// NewTable builds a table from kinds and acquirers. Acquirers naming an
// unknown kind are dropped by the caller's validation (see Parse).
func NewTable(kinds []*Kind, acquirers []Acquirer) *Table {
	t := &Table{
		byID:      map[string]*Kind{},
		acquirers: map[string]Acquirer{},
		releases:  map[string]bool{},
	}
	for _, k := range kinds {
		t.kinds = append(t.kinds, k)
		t.byID[k.ID] = k
		for _, r := range k.Release {
			t.releases[r] = true
		}
	}
	for _, a := range acquirers {
		if _, ok := t.byID[a.Kind]; ok {
			t.acquirers[a.Func] = a
		}
	}
	return t
}

// Kinds returns the table's kinds in declaration order.
func (t *Table) Kinds() []*Kind { return t.kinds }

// Kind returns the kind with the given ID, or nil.
func (t *Table) Kind(id string) *Kind { return t.byID[id] }

// Acquirer returns the table entry for fn, if fn acquires a resource.
func (t *Table) Acquirer(fn *types.Func) (Acquirer, bool) {
	if fn == nil {
		return Acquirer{}, false
	}
	a, ok := t.acquirers[fn.Origin().FullName()]
	return a, ok
}

// KindOfType returns the kind whose Type is typ, or nil.
func (t *Table) KindOfType(typ types.Type) *Kind {
	s := types.TypeString(typ, nil)
	for _, k := range t.kinds {
		if k.Type == s {
			return k
		}
	}
	return nil
}

// IsReleaseName reports whether some kind is released by a method of this
// name. It is what makes a parameter type worth summarising.
func (t *Table) IsReleaseName(name string) bool { return t.releases[name] }

// ReleaseNames returns every release method name, sorted.
func (t *Table) ReleaseNames() []string {
	var names []string
	for n := range t.releases {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Releases reports whether calling method name on the released part of a
// kind-k resource releases it.
func (k *Kind) Releases(name string) bool { return slices.Contains(k.Release, name) }

// Owner returns the short package-qualified spelling of a type name, as
// messages print it ("http.Response").
func Owner(typ string) string {
	typ = strings.TrimPrefix(typ, "*")
	if i := strings.LastIndex(typ, "/"); i >= 0 {
		typ = typ[i+1:]
	}
	return typ
}
