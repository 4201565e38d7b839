// Package helper is a dependency of app: its facts say what Done does
// with what it is given.
package helper

import "io"

// Done closes what it is given.
func Done(c io.Closer) {
	c.Close()
}
