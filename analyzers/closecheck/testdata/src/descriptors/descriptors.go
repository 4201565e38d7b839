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

func ioctl(fd, req, arg uintptr) error {
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, fd, req, arg); e != 0 {
		return e
	}
	return nil
}

// lockState only hands the descriptor's number to an ioctl.
func lockState(fd uintptr) error { return ioctl(fd, syscall.TIOCGPTN, 0) }

// checkedAndDroppedOnIoctlError: a helper that merely uses the number
// leaves the descriptor with its caller, which drops it when the helper
// fails.
func checkedAndDroppedOnIoctlError(path string) (*os.File, error) {
	fd, err := syscall.Open(path, syscall.O_RDWR, 0) // want `file descriptor from syscall.Open is not closed when returning at line 108`
	if err != nil {
		return nil, err
	}
	if err := lockState(uintptr(fd)); err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(fd), path), nil
}

func checkedAndClosedOnIoctlError(path string) (*os.File, error) {
	fd, err := syscall.Open(path, syscall.O_RDWR, 0)
	if err != nil {
		return nil, err
	}
	if err := lockState(uintptr(fd)); err != nil {
		syscall.Close(fd)
		return nil, err
	}
	return os.NewFile(uintptr(fd), path), nil
}

func openDevice(path string) (uintptr, error) {
	fd, err := syscall.Open(path, syscall.O_RDWR|syscall.O_CLOEXEC, 0)
	if err != nil {
		return 0, err
	}
	return uintptr(fd), nil
}

func openMaster() (uintptr, error) { return openDevice("/dev/ptmx") }

// masterDroppedOnIoctlError: the descriptor comes from helpers that
// return it as a uintptr.
func masterDroppedOnIoctlError() (*os.File, error) {
	m, err := openMaster() // want `file descriptor from openMaster is not closed when returning at line 143 \(openMaster returns it unreleased at descriptors.go:133\)`
	if err != nil {
		return nil, err
	}
	if err := lockState(m); err != nil {
		return nil, err
	}
	return os.NewFile(m, "ptmx"), nil
}

func masterClosedOnIoctlError() (*os.File, error) {
	m, err := openMaster()
	if err != nil {
		return nil, err
	}
	if err := lockState(m); err != nil {
		syscall.Close(int(m))
		return nil, err
	}
	return os.NewFile(m, "ptmx"), nil
}

// closeNumber closes what it is given: passing a descriptor there hands
// it over.
func closeNumber(fd uintptr) error { return syscall.Close(int(fd)) }

func closedByNumberHelper(path string) error {
	fd, err := syscall.Open(path, syscall.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := lockState(uintptr(fd)); err != nil {
		closeNumber(uintptr(fd))
		return err
	}
	return closeNumber(uintptr(fd))
}
