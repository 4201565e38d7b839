package lifetime

import (
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ssa"
)

// trackAsserted follows database values that fn takes back out of an
// untyped slot of a struct by a type assertion
// (`return tx.Statement.Dest.(*sql.Rows), tx.Error`): an ORM whose
// callbacks run the query and leave the rows in its statement's
// destination hands them to its caller this way. Such a value is only
// followed for fn's summary (does fn return it unreleased?), never
// reported here: what a library does with its own slots is its business,
// what its callers do with the rows it returns is theirs.
func (e *engine) trackAsserted(fn *ssa.Function, r *analysisResult) {
	for _, b := range fn.Blocks {
		for i, instr := range b.Instrs {
			ta, ok := instr.(*ssa.TypeAssert)
			if !ok || !fromStructSlot(ta.X) {
				continue
			}
			k := e.table.KindOfType(ta.AssertedType)
			if k == nil || k.Check != sqlCheck {
				continue
			}
			t := newTracker(e, fn, k)
			root := ssa.Value(ta)
			if ta.CommaOk {
				root = nil
				for _, ref := range *ta.Referrers() {
					if ex, ok := ref.(*ssa.Extract); ok && ex.Index == 0 {
						root = ex
					}
				}
			}
			if root == nil {
				continue
			}
			t.root = root
			t.add(root, tracked{role: roleWhole})
			t.run()
			e.recordOwnedResults(fn, t, t.paths(b, i+1, ta), r, acquisition{})
		}
	}
}

// sqlCheck is the check whose kinds are taken back out of untyped slots.
const sqlCheck = "sqlclose"

// fromStructSlot reports whether v is an interface value loaded from a
// field of a struct (not a parameter or a local: a type switch on what a
// function is given decides nothing about who owns it).
func fromStructSlot(v ssa.Value) bool {
	ld, ok := v.(*ssa.UnOp)
	if !ok || ld.Op != token.MUL {
		return false
	}
	if _, ok := ld.X.(*ssa.FieldAddr); !ok {
		return false
	}
	return types.IsInterface(v.Type())
}
