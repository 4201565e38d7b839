// Package dieutil holds helpers that end the process, for callers in
// another package.
package dieutil

import (
	"fmt"
	"os"
)

func Die(msg string) { // want Die:"noreturn"
	fmt.Fprintln(os.Stderr, msg)
	os.Exit(1)
}

// Check returns when err is nil.
func Check(err error) {
	if err != nil {
		Die(err.Error())
	}
}

type Exiter struct{ Code int }

func (e *Exiter) Exit() { // want Exit:"noreturn"
	os.Exit(e.Code)
}
