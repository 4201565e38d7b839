package strict

import (
	"io"
	"os"
)

func closeNotDeferred(path string) ([]byte, error) {
	f, err := os.Open(path) // want `file from os.Open is released at line 14 without defer: a panic in the calls before it leaves the file open`
	if err != nil {
		return nil, err
	}
	data, err := io.ReadAll(f)
	f.Close()
	return data, err
}

func closeDeferred(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

func closeRightAway(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	return f.Close()
}
