// Package pin pins go.opentelemetry.io/otel/sdk@v1.34.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "go.opentelemetry.io/otel/sdk/trace"
)
