// Package pin pins github.com/minio/minio-go/v7@v7.0.95 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/minio/minio-go/v7"
)
