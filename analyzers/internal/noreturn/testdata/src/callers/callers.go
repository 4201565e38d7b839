package callers

import (
	"errors"
	"log"
	"os"
	"testing"

	"dieutil"
)

// Same package, through os.Exit.
func die() { // want die:"noreturn"
	os.Exit(1)
}

// A result needs a terminating statement: the return after os.Exit is
// unreachable.
func dieWithResult() int { // want dieWithResult:"noreturn"
	os.Exit(1)
	return 0
}

// Through another function of the package.
func viaDie() { // want viaDie:"noreturn"
	die()
}

// Through another package's fact.
func viaOtherPackage() { // want viaOtherPackage:"noreturn"
	dieutil.Die("bye")
}

func viaOtherPackageMethod(e *dieutil.Exiter) { // want viaOtherPackageMethod:"noreturn"
	e.Exit()
}

// Through the standard library's bodies: log.Fatalf ends in os.Exit.
func fatal(format string, args ...any) { // want fatal:"noreturn"
	log.Fatalf(format, args...)
}

// t.Fatal ends in runtime.Goexit through FailNow.
func mustT(t *testing.T, err error) { // want mustT:"noreturn"
	t.Fatal(err)
}

func panics() { // want panics:"noreturn"
	panic("unreachable")
}

// Every branch ends.
func bothBranches(ok bool) { // want bothBranches:"noreturn"
	if ok {
		panic("ok")
	} else {
		die()
	}
}

// Returns on one path: not no-return.
func maybeDie(bad bool) {
	if bad {
		os.Exit(1)
	}
}

func checkErr(err error) {
	if err != nil {
		panic(err)
	}
}

func otherPackageConditional() {
	dieutil.Check(errors.New("x"))
}

// Recursion alone proves nothing: the least fixpoint starts from
// "returns".
func recurse() {
	recurse()
}

func recurseOrDie(n int) {
	if n == 0 {
		die()
	}
	recurseOrDie(n - 1)
}

// Loops and selects that never end.
func serve() { // want serve:"noreturn\\(blocks\\)"
	for {
		work()
	}
}

func waitForever() { // want waitForever:"noreturn\\(blocks\\)"
	select {}
}

func serveOrDie(ch chan int) { // want serveOrDie:"^noreturn$"
	for {
		if <-ch < 0 {
			die()
		}
	}
}

func serveUntil(ch chan int) {
	for {
		if <-ch < 0 {
			break
		}
	}
}

func work() {}

// A deferred call might recover: the syntax alone cannot tell, so a
// function with a defer is taken to return.
func dieDeferred() {
	defer work()
	os.Exit(1)
}

type T struct{}

func (T) Stop() { // want Stop:"noreturn"
	die()
}

// A function literal's body is its own function.
func literal() {
	f := func() { os.Exit(1) }
	_ = f
}
