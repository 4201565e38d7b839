package resource

// Process handles and raw descriptors: the operating system's own
// handles, held until a release call the garbage collector may or may not
// make for the program.
var descriptorKinds = []*Kind{
	// Since Go 1.23 a *os.Process on Linux holds a pidfd until Release or
	// until Wait has reaped the process ("Release only needs to be called
	// if Wait is not").
	{ID: "os.Process", Check: "closecheck", Noun: "process handle", Type: "*os.Process",
		Release: []string{"Release", "Wait"}, ReleaseText: "Release",
		Unreleased: "neither released nor waited for (it holds a pidfd)"},
	// A raw descriptor is a plain int: nothing in its type says it must be
	// closed, so only the calls listed here acquire one, and handing it to
	// a function outside the system-call packages (os.NewFile, a helper of
	// the program that closes it) hands it on.
	{ID: "fd", Check: "closecheck", Noun: "file descriptor",
		Release:      []string{},
		ReleaseFuncs: []string{"syscall.Close", "golang.org/x/sys/unix.Close"},
		UsedBy:       []string{"syscall", "golang.org/x/sys/unix"}},
}

var descriptorAcquirers = []Acquirer{
	{Func: "os.FindProcess", Kind: "os.Process", Why: "on Linux since Go 1.23 the handle holds a pidfd until Release"},
	{Func: "os.StartProcess", Kind: "os.Process", Why: "the started process must be waited for or released"},
	{Func: "syscall.Open", Kind: "fd", Why: "open(2): the descriptor is the caller's to close"},
	{Func: "syscall.Openat", Kind: "fd", Why: "openat(2): the descriptor is the caller's to close"},
	{Func: "syscall.Socket", Kind: "fd", Why: "socket(2): the descriptor is the caller's to close"},
	{Func: "golang.org/x/sys/unix.Open", Kind: "fd", Why: "open(2): the descriptor is the caller's to close"},
	{Func: "golang.org/x/sys/unix.Openat", Kind: "fd", Why: "openat(2): the descriptor is the caller's to close"},
	{Func: "golang.org/x/sys/unix.Socket", Kind: "fd", Why: "socket(2): the descriptor is the caller's to close"},
}
