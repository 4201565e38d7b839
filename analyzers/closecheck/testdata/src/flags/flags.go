// Package flags holds files released under a condition that the path
// to the release has already decided: a flag set where the file was
// opened, or the same condition that guarded the opening.
package flags

import "os"

type block struct {
	fd   *os.File
	name string
}

// didOpen is true exactly on the paths where the file was opened here.
func syncFile(b *block) error {
	fd, didOpen := b.fd, false
	if fd == nil {
		var err error
		fd, err = os.OpenFile(b.name, os.O_RDWR, 0)
		if err != nil {
			return err
		}
		didOpen = true
	}
	if err := fd.Sync(); err != nil {
		if didOpen {
			_ = fd.Close()
		}
		return err
	}
	if didOpen {
		return fd.Close()
	}
	return nil
}

// The flag is tested the wrong way round on the error path.
func syncFileInverted(b *block) error {
	fd, didOpen := b.fd, false
	if fd == nil {
		var err error
		fd, err = os.OpenFile(b.name, os.O_RDWR, 0) // want `file from os.OpenFile is not closed when returning at line 51`
		if err != nil {
			return err
		}
		didOpen = true
	}
	if err := fd.Sync(); err != nil {
		if !didOpen {
			_ = fd.Close()
		}
		return err
	}
	if didOpen {
		return fd.Close()
	}
	return nil
}

// The flag is set before the opening and stays true on the path that
// opens: a path where it is false never opened anything.
func negated(b *block) error {
	fd, borrowed := b.fd, true
	if fd == nil {
		var err error
		fd, err = os.Open(b.name)
		if err != nil {
			return err
		}
		borrowed = false
	}
	_, err := fd.Stat()
	if !borrowed {
		fd.Close()
	}
	return err
}

// The flag is set on both paths: it decides nothing about the file.
func alwaysTrue(b *block) error {
	fd, didOpen := b.fd, false
	if fd == nil {
		var err error
		fd, err = os.Open(b.name) // want `file from os.Open is not closed when returning at line 92`
		if err != nil {
			return err
		}
		didOpen = true
	} else {
		didOpen = true
	}
	if _, err := fd.Stat(); err != nil {
		return err
	}
	if didOpen {
		return fd.Close()
	}
	return nil
}

// The same parameter guards the opening and the closing.
func sameCondition(name string, own bool, def *os.File) error {
	fd := def
	if own {
		var err error
		fd, err = os.Open(name)
		if err != nil {
			return err
		}
	}
	_, err := fd.Stat()
	if own {
		fd.Close()
	}
	return err
}

// A different parameter guards the closing.
func otherCondition(name string, own, closeIt bool, def *os.File) error {
	fd := def
	if own {
		var err error
		fd, err = os.Open(name) // want `file from os.Open is not closed when returning at line 131`
		if err != nil {
			return err
		}
	}
	_, err := fd.Stat()
	if closeIt {
		fd.Close()
	}
	return err
}

// In a loop the flag's φ is re-entered: each iteration decides it anew.
func loop(names []string, def *os.File) error {
	for _, n := range names {
		fd, opened := def, false
		if n != "" {
			var err error
			fd, err = os.Open(n)
			if err != nil {
				return err
			}
			opened = true
		}
		if _, err := fd.Stat(); err != nil {
			if opened {
				fd.Close()
			}
			return err
		}
		if opened {
			fd.Close()
		}
	}
	return nil
}

type testCase struct {
	name      string
	stopEarly bool
	run       func(*os.File)
}

// The same field of a struct parameter is read twice: both reads give
// the same value.
func sameField(tc testCase) error {
	f, err := os.Open(tc.name)
	if err != nil {
		return err
	}
	if tc.stopEarly {
		f.Close()
	}
	f.Stat()
	if !tc.stopEarly {
		f.Close()
	}
	return nil
}

// Through a captured table entry that the literal only reads.
func capturedField(cases []testCase) {
	for _, tc := range cases {
		func() {
			f, err := os.Open(tc.name)
			if err != nil {
				return
			}
			if tc.stopEarly {
				f.Close()
				return
			}
			f.Stat()
			if !tc.stopEarly {
				f.Close()
			}
		}()
	}
}

// The literal hands the captured entry to a callee, which may change the
// field between the two reads.
func capturedFieldEscapes(cases []testCase, mutate func(*testCase)) {
	for _, tc := range cases {
		func() {
			f, err := os.Open(tc.name) // want `file from os.Open is not closed when returning at line 218`
			if err != nil {
				return
			}
			if tc.stopEarly {
				f.Close()
			}
			mutate(&tc)
			if !tc.stopEarly {
				f.Close()
			}
		}()
	}
}

// The field is written between the two reads: they may differ.
func sameFieldWritten(tc testCase, flip bool) error {
	f, err := os.Open(tc.name) // want `file from os.Open is not closed when returning at line 237`
	if err != nil {
		return err
	}
	if tc.stopEarly {
		f.Close()
	}
	if flip {
		tc.stopEarly = !tc.stopEarly
	}
	if !tc.stopEarly {
		f.Close()
	}
	return nil
}
