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

// commandActions register a function argument as the action of a
// command-line command: the framework's parse of the process's arguments
// (called from main) runs the one command they select, once. The
// function and what it calls run once per process, however often the
// registration runs.
var commandActions = []struct {
	Func  string // types.Func.FullName
	Param int    // the function argument
	Why   string
}{
	{"(*github.com/choria-io/fisk.CmdClause).Action", 0, "Parse runs the action of the command the arguments select"},
	{"(*github.com/choria-io/fisk.CmdClause).PreAction", 0, "Parse runs the pre-action of the command the arguments select"},
	{"(*github.com/choria-io/fisk.Application).Action", 0, "Parse runs the application's action once"},
	{"(*github.com/choria-io/fisk.Application).PreAction", 0, "Parse runs the application's pre-action once"},
	{"(*github.com/alecthomas/kingpin/v2.CmdClause).Action", 0, "Parse runs the action of the command the arguments select"},
	{"(*github.com/alecthomas/kingpin/v2.CmdClause).PreAction", 0, "Parse runs the pre-action of the command the arguments select"},
	{"(*github.com/alecthomas/kingpin/v2.Application).Action", 0, "Parse runs the application's action once"},
	{"(*gopkg.in/alecthomas/kingpin.v2.CmdClause).Action", 0, "Parse runs the action of the command the arguments select"},
	{"(*gopkg.in/alecthomas/kingpin.v2.Application).Action", 0, "Parse runs the application's action once"},
}

// commandActionFields are struct fields, by package path, type and field
// name, that hold a command's action: the framework's Execute or Run
// (called from main) runs the hooks of the one command the arguments
// select, once.
var commandActionFields = map[string]string{
	"github.com/spf13/cobra.Command.Run":                "Execute runs the selected command's Run",
	"github.com/spf13/cobra.Command.RunE":               "Execute runs the selected command's RunE",
	"github.com/spf13/cobra.Command.PreRun":             "Execute runs the selected command's PreRun",
	"github.com/spf13/cobra.Command.PreRunE":            "Execute runs the selected command's PreRunE",
	"github.com/spf13/cobra.Command.PersistentPreRun":   "Execute runs the nearest PersistentPreRun of the selected command",
	"github.com/spf13/cobra.Command.PersistentPreRunE":  "Execute runs the nearest PersistentPreRunE of the selected command",
	"github.com/spf13/cobra.Command.PostRun":            "Execute runs the selected command's PostRun",
	"github.com/spf13/cobra.Command.PostRunE":           "Execute runs the selected command's PostRunE",
	"github.com/spf13/cobra.Command.PersistentPostRun":  "Execute runs the nearest PersistentPostRun of the selected command",
	"github.com/spf13/cobra.Command.PersistentPostRunE": "Execute runs the nearest PersistentPostRunE of the selected command",
	"github.com/urfave/cli/v2.Command.Action":           "App.Run runs the selected command's action",
	"github.com/urfave/cli/v2.App.Action":               "App.Run runs the application's action when no command is selected",
	"github.com/urfave/cli/v3.Command.Action":           "Command.Run runs the selected command's action",
}
