package descriptors

import (
	"errors"
	"os"
	"syscall"
)

func openedAndDroppedOnStat(path string) error {
	fd, err := syscall.Open(path, syscall.O_RDONLY, 0) // want `file descriptor from syscall.Open is not closed when returning at line 16`
	if err != nil {
		return err
	}
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return err
	}
	return syscall.Close(fd)
}

func openedAndClosedOnEveryPath(path string) error {
	fd, err := syscall.Open(path, syscall.O_RDONLY, 0)
	if err != nil {
		return err
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	return syscall.Fstat(fd, &st)
}

// wrappedInFile hands the descriptor to os.NewFile: the file owns it.
func wrappedInFile(path string) (*os.File, error) {
	fd, err := syscall.Open(path, syscall.O_RDONLY, 0)
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(fd), path), nil
}

func closeFD(fd int) { syscall.Close(fd) }

// closedByHelper: a helper of the program may close what it is given.
func closedByHelper(path string) error {
	fd, err := syscall.Open(path, syscall.O_RDONLY, 0)
	if err != nil {
		return err
	}
	closeFD(fd)
	return nil
}

func returnedToCaller(path string) (int, error) {
	fd, err := syscall.Open(path, syscall.O_RDONLY, 0)
	if err != nil {
		return -1, err
	}
	return fd, nil
}

type socket struct{ fd int }

func (s *socket) Close() error { return syscall.Close(s.fd) }

// socketDroppedOnBindError: the error return after Socket leaves the
// descriptor open.
func socketDroppedOnBindError() (*socket, error) {
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_DGRAM, 0) // want `file descriptor from syscall.Socket is not closed when returning at line 72`
	if err != nil {
		return nil, err
	}
	if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: "@x"}); err != nil {
		return nil, errors.Join(errors.New("bind"), err)
	}
	return &socket{fd: fd}, nil
}

func socketClosedOnBindError() (*socket, error) {
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_DGRAM, 0)
	if err != nil {
		return nil, err
	}
	if err := syscall.Bind(fd, &syscall.SockaddrUnix{Name: "@x"}); err != nil {
		syscall.Close(fd)
		return nil, err
	}
	return &socket{fd: fd}, nil
}
