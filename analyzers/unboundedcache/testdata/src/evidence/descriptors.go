package evidence

import (
	"context"
	"os"
	"strconv"
)

// Inherited sockets: an address "fd/3" names a descriptor the parent
// passed; the *os.File made for it is kept so that a reload reuses it.
// The key is the descriptor number os.NewFile is given: one of the
// process's open files, bounded by the machine, whatever text it was
// parsed from.
var socketFiles = map[uintptr]*os.File{}

func ListenFD(ctx context.Context, address string) (*os.File, error) {
	n, err := strconv.ParseUint(address, 0, strconv.IntSize)
	if err != nil {
		return nil, err
	}
	mu.Lock()
	defer mu.Unlock()
	fd := uintptr(n)
	f, ok := socketFiles[fd]
	if !ok {
		f = os.NewFile(fd, address)
		socketFiles[fd] = f
	}
	return f, nil
}

// The same file kept under the address text: "fd/3", "0x3" and "03" name
// one descriptor, and any text that parses is a new key.
var socketsByAddress = map[string]*os.File{} // want `package-level map socketsByAddress grows without bound: ListenAddress writes it with keys from parameter address`

func ListenAddress(ctx context.Context, address string) (*os.File, error) {
	n, err := strconv.ParseUint(address, 0, strconv.IntSize)
	if err != nil {
		return nil, err
	}
	mu.Lock()
	defer mu.Unlock()
	f, ok := socketsByAddress[address]
	if !ok {
		f = os.NewFile(uintptr(n), address)
		socketsByAddress[address] = f
	}
	return f, nil
}
