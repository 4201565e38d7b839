package dying

import (
	"exits"
	"io"
	"os"
)

func die(msg string) {
	os.Stderr.WriteString(msg)
	os.Exit(1)
}

// maybeDie returns when ok is true.
func maybeDie(ok bool) {
	if !ok {
		os.Exit(1)
	}
}

// A helper that calls os.Exit ends the path: the return after it is never
// reached.
func dieInSamePackage(path string) int {
	f, err := os.Open(path)
	if err != nil {
		die(err.Error())
	}
	if fi, err := f.Seek(0, io.SeekEnd); err == nil {
		defer f.Close()
		return int(fi)
	}
	die("cannot stat " + path)
	return 0
}

func dieInOtherPackage(path string) int {
	f, err := os.Open(path)
	if err != nil {
		exits.Die(err.Error())
	}
	if fi, err := f.Seek(0, io.SeekEnd); err == nil {
		defer f.Close()
		return int(fi)
	}
	exits.Die("cannot stat " + path)
	return 0
}

// A helper that returns on one path does not end it.
func helperThatMayReturn(path string) int {
	f, err := os.Open(path) // want `file from os.Open is not closed when returning at line 60`
	if err != nil {
		die(err.Error())
	}
	if fi, err := f.Seek(0, io.SeekEnd); err == nil {
		defer f.Close()
		return int(fi)
	}
	maybeDie(false)
	return 0
}
