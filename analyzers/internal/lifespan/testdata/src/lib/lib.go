// Package lib is a library: its exported functions run at run time.
package lib

import "sync"

var (
	setup = sync.OnceFunc(build) // build runs once, on the first call
	mu    sync.Mutex
)

func build() {} // want `build: once`

func register() {} // want `register: once`

func init() { register() } // want `init: once`

func Use() { setup() } // want `Use: run time`

type T struct{}

func (T) m() {} // want `m: run time`

func (T) String() string { return "" } // want `String: run time`

func Lock() { mu.Lock() } // want `Lock: run time`
