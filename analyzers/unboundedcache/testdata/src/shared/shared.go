// Package shared exports containers that other packages fill.
package shared

// Seen is filled by its importers and never shrunk here.
var Seen = map[string]bool{}

// Tracked is pruned here, so writes from importers are bounded by that.
var Tracked = map[string]int{}

func Prune(k string) { delete(Tracked, k) }

// Config holds a container in an exported field.
var Config = struct {
	Hosts map[string]string
}{Hosts: map[string]string{}}
