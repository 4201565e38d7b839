// Package pin pins github.com/containerd/containerd@v1.6.8 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/containerd/containerd/cmd/ctr/commands/pprof"
	_ "github.com/containerd/containerd/pkg/cri/streaming/remotecommand"
)
