// Package fieldreload: a file stored in a field of a value the function
// allocates, and closed through a later load of that field, is released
// when nothing can have written the field in between.
package fieldreload

import (
	"errors"
	"os"
)

type DB struct {
	file *os.File
	size int64
	less *order
}

// order compares keys with the database's settings: it holds the
// database, as buntdb's comparator context does.
type order struct{ db *DB }

// load only reads the file through the field; resetting the comparator
// keeps a copy of the pointer in the heap, which writes no field.
func (db *DB) load() error {
	db.less = &order{db}
	fi, err := db.file.Stat()
	if err != nil {
		return err
	}
	if fi.Size() > 1<<20 {
		return errors.New("too big")
	}
	db.size = fi.Size()
	return nil
}

// reopen replaces the file the field holds.
func (db *DB) reopen(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	db.file = f
	return nil
}

func (db *DB) Close() error { return db.file.Close() }

// Open closes the file through db.file when load fails: released.
func Open(path string) (*DB, error) {
	db := &DB{}
	var err error
	db.file, err = os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	if err := db.load(); err != nil {
		_ = db.file.Close()
		return nil, err
	}
	return db, nil
}

// OpenReopen: reopen may have put another file in the field, so closing
// the field is not closing the first file.
func OpenReopen(path string) (*DB, error) {
	db := &DB{}
	var err error
	db.file, err = os.OpenFile(path, os.O_RDWR, 0) // want `file from os.OpenFile is not closed when returning at line 74`
	if err != nil {
		return nil, err
	}
	if err := db.reopen(path + ".new"); err != nil {
		_ = db.file.Close()
		return nil, err
	}
	return db, nil
}

// OpenNoClose drops the file when load fails.
func OpenNoClose(path string) (*DB, error) {
	db := &DB{}
	var err error
	db.file, err = os.OpenFile(path, os.O_RDWR, 0) // want `file from os.OpenFile is not closed when returning at line 88`
	if err != nil {
		return nil, err
	}
	if err := db.load(); err != nil {
		return nil, err
	}
	return db, nil
}

// OpenSwap may put another file in the field before closing it.
func OpenSwap(path string, log *os.File) (*DB, error) {
	db := &DB{}
	var err error
	db.file, err = os.OpenFile(path, os.O_RDWR, 0) // want `file from os.OpenFile is not closed when returning at line 106`
	if err != nil {
		return nil, err
	}
	if log != nil {
		db.file = log
	}
	if err := db.load(); err != nil {
		_ = db.file.Close()
		return nil, err
	}
	return db, nil
}

// OpenOrdered keeps a pointer to db in a value of its own before the file
// is stored: the field read back is still the file.
func OpenOrdered(path string) (*DB, error) {
	db := &DB{}
	db.less = &order{db}
	var err error
	db.file, err = os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	if err := db.load(); err != nil {
		_ = db.file.Close()
		return nil, err
	}
	return db, nil
}
