// Package sqltestctx: queries made with a test's context are released
// when the test ends.
package sqltestctx
