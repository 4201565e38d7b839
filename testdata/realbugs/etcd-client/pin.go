// Package pin pins go.etcd.io/etcd/client/v3@v3.5.17 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "go.etcd.io/etcd/client/v3/snapshot"
)
