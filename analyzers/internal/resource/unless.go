package resource

import (
	"go/types"
	"strings"
)

// implementedByAny reports whether one of types (written "*path.Name")
// implements iface. The types are looked up in the packages reachable
// from the interface's package and from the package of near (the
// acquired value's type); a type found in neither is not one the
// interface's code can see, and counts as not implementing it.
func implementedByAny(iface types.Type, names []string, near types.Type) bool {
	it, ok := iface.Underlying().(*types.Interface)
	if !ok {
		return false
	}
	var starts []*types.Package
	for _, t := range []types.Type{iface, near} {
		if p := packageOf(t); p != nil {
			starts = append(starts, p)
		}
	}
	if len(starts) == 0 {
		return true // nothing to look in: stay silent
	}
	for _, name := range names {
		var typ types.Type
		for _, p := range starts {
			if typ = lookupType(p, name); typ != nil {
				break
			}
		}
		if typ == nil {
			continue
		}
		if types.Implements(typ, it) {
			return true
		}
	}
	return false
}

func packageOf(t types.Type) *types.Package {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok && n.Obj().Pkg() != nil {
		return n.Obj().Pkg()
	}
	return nil
}

// lookupType finds "*path.Name" or "path.Name" among from and the packages
// it imports, directly or not.
func lookupType(from *types.Package, name string) types.Type {
	ptr := strings.HasPrefix(name, "*")
	name = strings.TrimPrefix(name, "*")
	dot := strings.LastIndex(name, ".")
	if dot < 0 {
		return nil
	}
	path, obj := name[:dot], name[dot+1:]
	seen := map[*types.Package]bool{}
	queue := []*types.Package{from}
	for len(queue) > 0 {
		p := queue[0]
		queue = queue[1:]
		if seen[p] {
			continue
		}
		seen[p] = true
		if p.Path() == path {
			tn, ok := p.Scope().Lookup(obj).(*types.TypeName)
			if !ok {
				return nil
			}
			if ptr {
				return types.NewPointer(tn.Type())
			}
			return tn.Type()
		}
		queue = append(queue, p.Imports()...)
	}
	return nil
}
