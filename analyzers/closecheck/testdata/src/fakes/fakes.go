// Package fakes holds tests whose fakes never fail, and fakes that do.
package fakes

import "os"

// Store is what the code under test writes to.
type Store interface {
	Put(f *os.File) error
}
