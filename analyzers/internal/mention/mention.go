// Package mention answers one question for every check: does passing a
// value to this function only mention it (format it, log it, inspect
// it) without keeping it for later or releasing it?
//
// The answer comes from a table keyed by package path (every function
// and method of the package) or by full function name, with a reason per
// entry, and holds only for a value passed in a parameter of type any
// (or ...any): through such a parameter the callee can reach no method
// of the value but by reflection or a type switch on types it knows, and
// the listed ones only print or compare. A value passed as an io.Writer
// (log.New(f, ...)) or an error is not mentioned but handed over.
package mention

import (
	"go/types"
)

// byPackage lists packages whose functions and methods only mention
// their operands of type any.
var byPackage = map[string]string{
	"fmt":      "formats its operands (Print, Sprintf, Errorf, Fprint to a writer given apart) and keeps none",
	"log":      "formats its operands and writes them at once",
	"log/slog": "formats its operands into a record written at once (an Attr or a Logger made With them holds them only to print them)",
	"testing":  "Log, Error, Fatal, Skip and friends format their operands into the test's output",
}

// byFunc lists single functions, by full name, that only mention their
// operands of type any.
var byFunc = map[string]string{
	"errors.As":         "only inspects the error chain and assigns into target; it never keeps or closes it",
	"reflect.TypeOf":    "only reads the operand's dynamic type",
	"reflect.ValueOf":   "wraps the operand for inspection; releasing it through reflection is not followed",
	"reflect.DeepEqual": "only compares its operands",
}

// carriers lists, by full name, functions of byFunc whose result holds
// the operand they mention, with the type of that result: the operand
// is only looked at while the result is, but where the result is handed
// on (set into another value, passed to a function, returned), the
// operand goes with it.
var carriers = map[string]struct{ result, reason string }{
	"reflect.ValueOf": {"reflect.Value", "the Value points to the operand; Set of another Value to it (a decoder filling a struct field) stores the operand there"},
}

// Carries reports whether fn's result holds the operand fn mentions
// (reflect.ValueOf(f)).
func Carries(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	_, ok := carriers[fn.Origin().FullName()]
	return ok
}

// Carrier reports whether t is the type of a carrier's result: its
// methods only look at the operand it holds, or give it back.
func Carrier(t types.Type) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	name := types.TypeString(t, nil)
	for _, c := range carriers {
		if c.result == name {
			return true
		}
	}
	return false
}

// Only reports whether passing a value to fn in a parameter of type
// param only mentions it.
func Only(fn *types.Func, param types.Type) bool {
	if fn == nil || fn.Pkg() == nil || !isAny(param) {
		return false
	}
	if _, ok := byPackage[fn.Pkg().Path()]; ok {
		return true
	}
	_, ok := byFunc[fn.Origin().FullName()]
	return ok
}

// isAny reports whether t is an empty interface or a slice of them (the
// parameter of a variadic ...any).
func isAny(t types.Type) bool {
	if t == nil {
		return false
	}
	if s, ok := t.(*types.Slice); ok {
		t = s.Elem()
	}
	i, ok := t.Underlying().(*types.Interface)
	return ok && i.NumMethods() == 0
}
