package resource

import "go/types"

// memoryWriters: writer types whose Write keeps the bytes in process
// memory and holds nothing else.
var memoryWriters = []struct{ Type, Why string }{
	{"*bytes.Buffer", "appends to a byte slice"},
	{"*strings.Builder", "appends to a byte slice"},
}

// discardWriters: package-level writers that drop every write.
var discardWriters = []struct{ Var, Why string }{
	{"io.Discard", "its Write returns len(p) and keeps nothing"},
	{"io/ioutil.Discard", "io.Discard under its former name"},
}

// IsMemoryWriter reports whether values of type t write into process
// memory alone.
func IsMemoryWriter(t types.Type) bool {
	s := types.TypeString(t, nil)
	for _, m := range memoryWriters {
		if m.Type == s {
			return true
		}
	}
	return false
}

// IsDiscardWriter reports whether the package-level variable v is a
// writer that drops every write.
func IsDiscardWriter(v *types.Var) bool {
	if v == nil || v.Pkg() == nil {
		return false
	}
	name := v.Pkg().Path() + "." + v.Name()
	for _, d := range discardWriters {
		if d.Var == name {
			return true
		}
	}
	return false
}
