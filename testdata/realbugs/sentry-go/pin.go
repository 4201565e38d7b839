// Package pin pins github.com/getsentry/sentry-go@v0.9.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/getsentry/sentry-go"
)
