// Package pin pins github.com/authzed/spicedb@v1.22.2 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/authzed/spicedb/pkg/cmd/datastore"
)
