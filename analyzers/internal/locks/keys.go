package locks

import (
	"fmt"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"
)

// A key names a mutex (or WaitGroup, or branch condition) by the
// expression that reaches it, so that `s.mu.Lock()` and a later
// `s.mu.Unlock()` name the same lock though SSA computes `&s.mu` twice.
// Roots the caller can see are "p<i>" (parameter i), "fv<i>" (free
// variable i of a closure) and "g:path.name" (a package-level variable);
// a callee's key on those roots is rewritten onto its caller's arguments.
// Other roots ("a…" a local variable, "v…" a value such as a call's
// result) mean the same object only within one function. Each step is
// ".field", ".*" (a load) or "[const]". The empty key is unknown.
type key = string

// keyOf returns the key of v in fn, or "" when v has none (an element at
// a computed index).
func keyOf(fn *ssa.Function, v ssa.Value) key {
	return keyDepth(fn, v, 0)
}

func keyDepth(fn *ssa.Function, v ssa.Value, depth int) key {
	if depth > 12 {
		return ""
	}
	sub := func(x ssa.Value) key { return keyDepth(fn, x, depth+1) }
	switch v := v.(type) {
	case *ssa.Parameter:
		for i, p := range fn.Params {
			if p == v {
				return "p" + strconv.Itoa(i)
			}
		}
	case *ssa.FreeVar:
		for i, p := range fn.FreeVars {
			if p == v {
				return "fv" + strconv.Itoa(i)
			}
		}
	case *ssa.Global:
		if v.Pkg != nil {
			return "g:" + v.Pkg.Pkg.Path() + "." + v.Name()
		}
	case *ssa.Alloc:
		// A parameter a closure captures lives in a cell: the cell's
		// load is the parameter.
		stored := storedOnce(v)
		if p, ok := stored.(*ssa.Parameter); ok {
			return sub(p) + ".&"
		}
		if stored != nil && sub(stored) == "" {
			return "" // a cell holding what has no key
		}
		return fmt.Sprintf("a%p", v)
	case *ssa.FieldAddr:
		if k := sub(v.X); k != "" {
			return k + "." + fieldName(v.X.Type(), v.Field, true)
		}
		return ""
	case *ssa.Field:
		if k := sub(v.X); k != "" {
			return k + "." + fieldName(v.X.Type(), v.Field, false)
		}
		return ""
	case *ssa.UnOp:
		switch v.Op {
		case token.MUL:
			k := sub(v.X)
			if strings.HasSuffix(k, ".&") {
				return k[:len(k)-2]
			}
			if k != "" {
				return k + ".*"
			}
			return ""
		case token.NOT:
			if k := sub(v.X); k != "" {
				return "!(" + k + ")"
			}
			return ""
		}
	case *ssa.IndexAddr:
		if c, ok := v.Index.(*ssa.Const); ok {
			if k := sub(v.X); k != "" {
				return k + "[" + c.Value.ExactString() + "]"
			}
		}
		return ""
	case *ssa.Convert:
		// Memory reached through unsafe.Pointer is shared with code
		// nobody can see (a C callback that unlocks it): no key.
		if b, ok := v.X.Type().Underlying().(*types.Basic); ok && b.Kind() == types.UnsafePointer {
			return ""
		}
	case *ssa.ChangeType:
		return sub(v.X)
	case *ssa.MakeInterface:
		return sub(v.X)
	case *ssa.ChangeInterface:
		return sub(v.X)
	case *ssa.Const:
		if v.Value == nil {
			return "c:nil"
		}
		return "c:" + v.Value.ExactString()
	case *ssa.BinOp:
		x, y := sub(v.X), sub(v.Y)
		if x == "" || y == "" {
			return ""
		}
		return "(" + x + v.Op.String() + y + ")"
	}
	return fmt.Sprintf("v%p", v)
}

// fieldName names field i of the struct x points to (or is).
func fieldName(x types.Type, i int, ptr bool) string {
	t := x.Underlying()
	if ptr {
		p, ok := t.(*types.Pointer)
		if !ok {
			return strconv.Itoa(i)
		}
		t = p.Elem().Underlying()
	}
	if s, ok := t.(*types.Struct); ok && i < s.NumFields() && s.Field(i).Name() != "_" {
		return s.Field(i).Name()
	}
	return strconv.Itoa(i)
}

// visible reports whether k's root is one a caller can name.
func visible(k key) bool {
	return strings.HasPrefix(k, "p") || strings.HasPrefix(k, "fv") || strings.HasPrefix(k, "g:")
}

// rebase rewrites a callee's key onto the caller's: root "p<i>" becomes
// the key of the caller's i-th argument, "fv<i>" that of the closure's
// i-th binding; "g:" keys are unchanged. It returns "" when the root has
// no key in the caller.
func rebase(k key, args, bindings []key) key {
	if strings.HasPrefix(k, "g:") {
		return k
	}
	var list []key
	var rest string
	switch {
	case strings.HasPrefix(k, "fv"):
		list, rest = bindings, k[2:]
	case strings.HasPrefix(k, "p"):
		list, rest = args, k[1:]
	default:
		return ""
	}
	n := 0
	for n < len(rest) && rest[n] >= '0' && rest[n] <= '9' {
		n++
	}
	i, err := strconv.Atoi(rest[:n])
	if err != nil || i >= len(list) || list[i] == "" {
		return ""
	}
	return strings.ReplaceAll(list[i]+rest[n:], ".&.*", "")
}

// storedOnce returns the value stored in the cell a when that is the
// cell's only store.
func storedOnce(a *ssa.Alloc) ssa.Value {
	var stored ssa.Value
	for _, r := range *a.Referrers() {
		st, ok := r.(*ssa.Store)
		if !ok || st.Addr != ssa.Value(a) {
			continue
		}
		if stored != nil {
			return nil
		}
		stored = st.Val
	}
	return stored
}
