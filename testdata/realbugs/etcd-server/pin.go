// Package pin pins go.etcd.io/etcd/server/v3@v3.6.8 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "go.etcd.io/etcd/server/v3/etcdserver/api/rafthttp"
	_ "go.etcd.io/etcd/server/v3/storage/wal"
)
