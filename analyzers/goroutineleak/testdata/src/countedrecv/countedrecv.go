// Package countedrecv holds select loops that return once a counter of
// receives reaches the number of values sent, beside loops whose counter
// also counts something else.
package countedrecv

func Serve() error    { return nil }
func Shutdown() error { return nil }
