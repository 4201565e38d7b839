// Package lifetime owns the question that httpbody, sqlclose and closecheck
// share: after a value is acquired, does every path to a normal return
// release it or hand it to an owner?
//
// The rules, in the order that decides precision:
//
//  1. A resource returned together with a non-nil error is nil: the error
//     path owes nothing. A nil check of the resource itself works the same.
//  2. Ownership moves, and the duty ends, when the value (or a local
//     aggregate holding it) is returned, stored into memory that outlives
//     the call, sent on a channel, captured by a goroutine, or passed to a
//     function whose summary says it keeps or releases that parameter.
//  3. A call releases only when it is the kind's release method or a
//     function whose summary says so; mentioning the value releases nothing.
//  4. Every path counts; a defer covers the paths that pass it.
//  5. Summaries (what a function does with each parameter, which results
//     it returns owned) are analysis facts, so helpers in other packages are
//     understood under every driver. A summary may be conditional on the
//     function's error result, which is where real leaks hide.
//  6. When unsure, stay silent.
package lifetime

import (
	"go/types"
	"reflect"
	"slices"

	"github.com/leakvet/leakvet/analyzers/internal/config"
	"github.com/leakvet/leakvet/analyzers/internal/lazyssa"
	"github.com/leakvet/leakvet/analyzers/internal/noreturn"
	"github.com/leakvet/leakvet/analyzers/internal/report"
	"github.com/leakvet/leakvet/analyzers/internal/resource"
	"golang.org/x/tools/go/analysis"
)

// Analyzer computes summaries for the package's functions (exported as
// facts) and the leaks of every resource kind. It reports nothing itself:
// each check reports the findings of its own kinds.
var Analyzer = &analysis.Analyzer{
	Name:       "lifetime",
	Doc:        "track acquired resources to their release or new owner on every path",
	URL:        "https://github.com/leakvet/leakvet/tree/main/analyzers/internal/lifetime",
	Run:        report.Guard(run),
	Requires:   []*analysis.Analyzer{config.Analyzer, lazyssa.Analyzer, noreturn.Analyzer},
	ResultType: reflect.TypeFor[*Result](),
	FactTypes:  []analysis.Fact{(*Summary)(nil), (*quietHandlerFact)(nil), (*memResults)(nil), (*errPredFact)(nil), (*testFailFact)(nil), (*ctxFromFact)(nil)},
}

// Result holds the package's findings, in source order.
type Result struct {
	Findings []Finding
}

// For returns the findings that the named check reports.
func (r *Result) For(check string) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Check == check || f.Check == AllChecks {
			out = append(out, f)
		}
	}
	return out
}

// TableFor returns the resource table in force for a pass, whose analyzer
// requires config.Analyzer: the built-in table and the user's resources.
func TableFor(pass *analysis.Pass) *resource.Table { return config.Of(pass).Table }

func run(pass *analysis.Pass) (any, error) {
	table := TableFor(pass)
	e := newEngine(pass, table)
	e.exportContextFacts()
	if !e.needed() {
		return &Result{}, nil
	}
	pkg, funcs := pass.ResultOf[lazyssa.Analyzer].(*lazyssa.Program).Build()
	e.pkg = pkg
	res := &Result{}
	for _, fn := range funcs {
		r := e.analyze(fn)
		res.Findings = append(res.Findings, r.findings...)
		if obj, ok := fn.Object().(*types.Func); ok && obj.Pkg() == pass.Pkg && !r.summary.empty() && fn.Origin() == nil {
			pass.ExportObjectFact(obj, r.summary)
		}
		e.exportQuietHandler(fn)
		e.exportErrPred(fn)
		e.exportTestFail(fn)
		if obj, ok := fn.Object().(*types.Func); ok && obj.Pkg() == pass.Pkg && obj.Exported() && fn.Origin() == nil {
			if f := e.memFact(fn); f != nil {
				pass.ExportObjectFact(obj, f)
			}
		}
	}
	slices.SortFunc(res.Findings, func(a, b Finding) int { return int(a.Pos - b.Pos) })
	return res, nil
}

// needed decides from type information alone whether the package can hold
// anything the engine tracks: a call of an acquiring function, or a
// function with a parameter that can receive a resource and release it.
// Packages that fail are never built into SSA.
func (e *engine) needed() bool {
	for _, obj := range e.pass.TypesInfo.Uses {
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		if _, ok := e.table.Acquirer(fn); ok {
			return true
		}
		if _, ok := e.table.InterfaceAcquirerOf(fn, e.kindType); ok {
			return true
		}
		if fn.Pkg() != nil && fn.Pkg() != e.pass.Pkg {
			var s Summary
			if e.pass.ImportObjectFact(fn.Origin(), &s) && len(s.Results) > 0 {
				return true
			}
		}
	}
	for _, obj := range e.pass.TypesInfo.Defs {
		fn, ok := obj.(*types.Func)
		if !ok {
			continue
		}
		sig := fn.Type().(*types.Signature)
		if sig.Recv() != nil && types.IsInterface(sig.Recv().Type()) {
			continue // an interface's method has no body to summarise
		}
		if sig.Recv() != nil && e.closable(sig.Recv().Type()) {
			return true
		}
		for i := 0; i < sig.Params().Len(); i++ {
			if e.closable(sig.Params().At(i).Type()) {
				return true
			}
		}
		if fn.Exported() {
			for i := 0; i < sig.Results().Len(); i++ {
				if len(e.acquirerMethods(sig.Results().At(i).Type())) > 0 {
					return true // a constructor whose memResults fact may matter
				}
			}
		}
	}
	return e.mayKeepGlobally() || e.usesTestFailure()
}

// ReportFindings reports the engine's findings for the check run by pass,
// whose analyzer requires Analyzer and config.Analyzer. It is the whole
// Run of a lifetime check. Strict-mode findings are reported only when the
// check's -strict flag is set.
func ReportFindings(pass *analysis.Pass) (any, error) {
	res := pass.ResultOf[Analyzer].(*Result)
	strict := config.Of(pass).Strict(pass.Analyzer.Name)
	for _, f := range res.For(pass.Analyzer.Name) {
		if f.Category == CategoryStrict && !strict {
			continue
		}
		report.Report(pass, report.Diagnostic{
			Pos: f.Pos, End: f.End, Category: f.Category, Message: f.Message,
			Related: f.Related, RelatedText: f.RelatedText, Fix: f.Fix,
		})
	}
	return nil, nil
}

// StrictFlag is the name of the flag every lifetime check exposes (see
// config.Expose): when set, a release that is reached on every path but is
// not deferred, while calls that can fail or panic run before it, is
// reported too (the missing context manager of a post-incident review).
const StrictFlag = "strict"
