package lifetime

import (
	"go/types"
	"strings"
)

// kindType returns the type that a kind's Type ("*database/sql.Rows")
// names, looked up in the packages this package imports, directly or
// not; nil where none of them is the type's package (the package cannot
// then hold a value of it that it knows of) or the spelling is not a
// package-level named type or a pointer to one.
func (e *engine) kindType(spelling string) types.Type {
	if t, done := e.kindTypes[spelling]; done {
		return t
	}
	if e.kindTypes == nil {
		e.kindTypes = map[string]types.Type{}
	}
	t := lookupKindType(e.pass.Pkg, spelling)
	e.kindTypes[spelling] = t
	return t
}

func lookupKindType(pkg *types.Package, spelling string) types.Type {
	name, ptr := strings.CutPrefix(spelling, "*")
	dot := strings.LastIndexByte(name, '.')
	if dot <= 0 || strings.ContainsAny(name, "[]*(){} ") {
		return nil
	}
	path, tname := name[:dot], name[dot+1:]
	p := findImport(pkg, path, map[*types.Package]bool{})
	if p == nil {
		return nil
	}
	tn, ok := p.Scope().Lookup(tname).(*types.TypeName)
	if !ok {
		return nil
	}
	t := tn.Type()
	if ptr {
		t = types.NewPointer(t)
	}
	return t
}

// findImport returns the package of that path among pkg and the packages
// it imports, directly or not.
func findImport(pkg *types.Package, path string, seen map[*types.Package]bool) *types.Package {
	if pkg == nil || seen[pkg] {
		return nil
	}
	seen[pkg] = true
	if pkg.Path() == path {
		return pkg
	}
	for _, imp := range pkg.Imports() {
		if p := findImport(imp, path, seen); p != nil {
			return p
		}
	}
	return nil
}
