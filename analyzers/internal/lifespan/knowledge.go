package lifespan

// onceRunners run a function argument at most once for the value they are
// called on. Only a value that itself lives for the process (a
// package-level sync.Once) makes that once per process; a Once in a struct
// runs once per struct, which may be once per request.
var onceRunners = []struct {
	Func  string // types.Func.FullName
	Param int    // the function argument
	Why   string
}{
	{"(*sync.Once).Do", 0, "runs f on the first call only"},
}

// onceWrappers return a function that runs its argument once, on the
// first call of the result. Made by a package-level initialiser, that is
// once per process.
var onceWrappers = []struct {
	Func string
	Why  string
}{
	{"sync.OnceFunc", "the returned function runs f on its first call only"},
	{"sync.OnceValue", "the returned function runs f on its first call only"},
	{"sync.OnceValues", "the returned function runs f on its first call only"},
}

// flag.Value's methods (Set(string) error; String() string) are built
// by flagValue: a type with both is a command-line flag whether or not its
// package imports flag, and flag.Parse calls its Set while the process
// starts.

// signalNotifiers deliver the process's signals on a channel argument. A
// function that registers a channel of its own with one and receives from
// it (outside a goroutine) blocks until the process is told to stop or
// reload: it is the process's main loop, however it is reached, and what
// it calls runs once per process.
var signalNotifiers = []struct {
	Func  string // types.Func.FullName
	Param int    // the channel argument
	Why   string
}{
	{"os/signal.Notify", 0, "relays incoming signals to the channel"},
}
