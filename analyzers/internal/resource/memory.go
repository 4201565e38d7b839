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

// memoryTypes: types whose values hold process memory alone, whatever
// state they are in, so a field of such a type holds no resource.
var memoryTypes = []struct{ Type, Why string }{
	{"bytes.Buffer", "a byte slice and offsets"},
	{"bytes.Reader", "a byte slice and offsets"},
	{"strings.Reader", "a string and offsets"},
	{"strings.Builder", "a byte slice"},
	{"sync.Mutex", "a lock word"},
	{"sync.RWMutex", "lock words"},
	{"sync.Once", "a flag and a lock word"},
}

// IsMemoryType reports whether values of type t, or of the type t points
// to, hold process memory alone.
func IsMemoryType(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	s := types.TypeString(t, nil)
	for _, m := range memoryTypes {
		if m.Type == s {
			return true
		}
	}
	return false
}
