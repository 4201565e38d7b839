// Package pin pins github.com/elastic/go-elasticsearch/v7@v7.8.0 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/elastic/go-elasticsearch/v7/estransport"
)
