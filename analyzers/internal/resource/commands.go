package resource

import (
	"go/types"
	"strings"
)

// commandRunners are the fields of command-line frameworks that hold the
// function running a command. When that function returns an error, the
// framework stops and hands the error to the program's main, which
// reports it and exits: what a failing run leaves open is released with
// the process. Keyed by the struct type's package path and name and the
// field's name.
var commandRunners = map[string]string{
	"github.com/spf13/cobra.Command.RunE":               "Command.Execute stops at the command's error and returns it to main",
	"github.com/spf13/cobra.Command.PreRunE":            "the same, before RunE",
	"github.com/spf13/cobra.Command.PostRunE":           "the same, after RunE",
	"github.com/spf13/cobra.Command.PersistentPreRunE":  "the same, before the RunE of every subcommand",
	"github.com/spf13/cobra.Command.PersistentPostRunE": "the same, after the RunE of every subcommand",
	"github.com/urfave/cli.App.Action":                  "App.Run returns the action's error to main (v1: the field is an interface{} holding the function)",
	"github.com/urfave/cli.Command.Action":              "App.Run returns the command's error to main (v1: the field is an interface{} holding the function)",
	"github.com/urfave/cli/v2.App.Action":               "App.Run returns the action's error to main",
	"github.com/urfave/cli/v2.Command.Action":           "App.Run returns the command's error to main",
	"github.com/urfave/cli/v3.Command.Action":           "Command.Run returns the action's error to main",
	"github.com/schollz/cli/v2.App.Action":              "a fork of urfave/cli v2: App.Run returns the action's error to main",
	"github.com/schollz/cli/v2.Command.Action":          "a fork of urfave/cli v2: App.Run returns the command's error to main",
}

// CommandPackage reports whether the package at path declares a type with
// a command's runner field (commandRunners) or a method that registers a
// command's runner (commandRegistrars).
func CommandPackage(path string) bool {
	for k := range commandRunners {
		if strings.HasPrefix(k, path+".") && !strings.Contains(k[len(path)+1:], "/") {
			return true
		}
	}
	for k := range commandRegistrars {
		// "(*path.Type).Method"
		if strings.HasPrefix(k, "(*"+path+".") && !strings.Contains(k[len(path)+3:], "/") {
			return true
		}
	}
	return false
}

// RunsCommand reports whether field of the struct type owner holds the
// function that a command-line framework runs for a command, whose error
// ends the program (commandRunners).
func RunsCommand(owner types.Type, field *types.Var) bool {
	if p, ok := owner.(*types.Pointer); ok {
		owner = p.Elem()
	}
	named, ok := types.Unalias(owner).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || field == nil {
		return false
	}
	_, ok = commandRunners[named.Obj().Pkg().Path()+"."+named.Obj().Name()+"."+field.Name()]
	return ok
}

// commandHooks are the fields of command-line frameworks that hold a
// function the framework runs for the selected command but whose result,
// if any, does not reach main: like commandRunners, each runs once per
// process (the framework's Execute or Run, called from main, runs the one
// command the arguments select), but a failing one does not end it.
var commandHooks = map[string]string{
	"github.com/spf13/cobra.Command.Run":               "Execute runs the selected command's Run",
	"github.com/spf13/cobra.Command.PreRun":            "Execute runs the selected command's PreRun",
	"github.com/spf13/cobra.Command.PostRun":           "Execute runs the selected command's PostRun",
	"github.com/spf13/cobra.Command.PersistentPreRun":  "Execute runs the nearest PersistentPreRun of the selected command",
	"github.com/spf13/cobra.Command.PersistentPostRun": "Execute runs the nearest PersistentPostRun of the selected command",
}

// RunsOncePerProcess reports whether field name of the struct type t (or
// *t) holds a function that a command-line framework runs for the
// command the process's arguments select, once (commandRunners and
// commandHooks).
func RunsOncePerProcess(t types.Type, name string) bool {
	if p, ok := t.(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	key := n.Obj().Pkg().Path() + "." + n.Obj().Name() + "." + name
	_, runner := commandRunners[key]
	_, hook := commandHooks[key]
	return runner || hook
}

// commandRegistrars are the methods of command-line frameworks that take
// the function running a command (or the application) as their one
// argument, rather than a field of a struct: kingpin and its fork fisk,
// whose Application.Parse runs the selected command's actions and returns
// the first error to main, which exits (MustParseWithUsage, or
// kingpin.MustParse around Parse). Several actions may run for one
// command (the application's, each enclosing command's, then the
// command's own), so none of them is known to be the last: a successful
// return does not end the run. Keyed by types.Func.FullName.
var commandRegistrars = map[string]string{
	"(*github.com/choria-io/fisk.CmdClause).Action":           "Application.Parse runs the command's actions and returns the first error; MustParseWithUsage exits on it",
	"(*github.com/choria-io/fisk.CmdClause).PreAction":        "the same, before the command's actions",
	"(*github.com/choria-io/fisk.Application).Action":         "the same, for the application's own action",
	"(*github.com/choria-io/fisk.Application).PreAction":      "the same, before the application's actions",
	"(*github.com/alecthomas/kingpin/v2.CmdClause).Action":    "Application.Parse runs the command's actions and returns the first error; MustParse exits on it",
	"(*github.com/alecthomas/kingpin/v2.Application).Action":  "the same, for the application's own action",
	"(*github.com/alecthomas/kingpin/v2.CmdClause).PreAction": "the same, before the command's actions",
	"(*gopkg.in/alecthomas/kingpin.v2.CmdClause).Action":      "the same as github.com/alecthomas/kingpin/v2",
	"(*gopkg.in/alecthomas/kingpin.v2.Application).Action":    "the same as github.com/alecthomas/kingpin/v2",
}

// RegistersCommand reports whether a call of fn takes, as its argument,
// the function that a command-line framework runs for a command, whose
// error ends the program (commandRegistrars).
func RegistersCommand(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	_, ok := commandRegistrars[fn.Origin().FullName()]
	return ok
}

// exitsOnError are the functions that end the process when their first
// argument, an error, is not nil, and return when it is nil. Keyed by
// types.Func.FullName.
var exitsOnError = map[string]string{
	"github.com/choria-io/fisk.FatalIfError":                       "CommandLine.FatalIfError",
	"(*github.com/choria-io/fisk.Application).FatalIfError":        "prints the error and calls the application's terminate handler with 1 (os.Exit unless replaced with Terminate)",
	"github.com/alecthomas/kingpin/v2.FatalIfError":                "CommandLine.FatalIfError",
	"(*github.com/alecthomas/kingpin/v2.Application).FatalIfError": "prints the error and calls the application's terminate handler with 1 (os.Exit unless replaced with Terminate)",
	"gopkg.in/alecthomas/kingpin.v2.FatalIfError":                  "CommandLine.FatalIfError",
	"(*gopkg.in/alecthomas/kingpin.v2.Application).FatalIfError":   "the same as github.com/alecthomas/kingpin/v2",
}

// ExitsOnError reports whether a call of fn ends the process when its
// first argument (after the receiver), an error, is not nil
// (exitsOnError).
func ExitsOnError(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	_, ok := exitsOnError[fn.Origin().FullName()]
	return ok
}

// fatalEventStarts are the functions that start a logger's event at a
// level whose sending ends the process, and fatalEventSends the methods
// that send such an event. zerolog's Fatal makes an event whose send
// calls os.Exit(1) once written, and calls it at once, returning a nil
// event, when the level is disabled: a chain from a start to a send
// (`log.Fatal().Err(err).Msg("...")`) never returns. The methods between
// them return the same event, save fatalEventDrops, which empties it.
// Keyed by types.Func.FullName.
var (
	fatalEventStarts = map[string]string{
		"(*github.com/rs/zerolog.Logger).Fatal": "newEvent(FatalLevel, done) with a done that closes the writer and calls os.Exit(1); a disabled level calls done at once",
		"github.com/rs/zerolog/log.Fatal":       "Logger.Fatal of the global logger",
	}
	fatalEventSends = map[string]string{
		"(*github.com/rs/zerolog.Event).Msg":     "writes the event, then runs its done function",
		"(*github.com/rs/zerolog.Event).Msgf":    "writes the event, then runs its done function",
		"(*github.com/rs/zerolog.Event).MsgFunc": "writes the event, then runs its done function",
		"(*github.com/rs/zerolog.Event).Send":    "writes the event, then runs its done function",
	}
	fatalEventDrops = map[string]string{
		"(*github.com/rs/zerolog.Event).Discard": "disables the event and returns nil: the send that follows does nothing",
	}
)

// FatalEventStart reports whether fn starts a logger event whose send
// ends the process (fatalEventStarts).
func FatalEventStart(fn *types.Func) bool { return inTable(fatalEventStarts, fn) }

// FatalEventSend reports whether fn sends a logger event, ending the
// process when the event was started by a FatalEventStart function.
func FatalEventSend(fn *types.Func) bool { return inTable(fatalEventSends, fn) }

// FatalEventPasses reports whether fn, a method of a fatal event's type
// (the receiver of a FatalEventSend method), returns the same event: a
// method whose result is its receiver's type and that is not listed in
// fatalEventDrops.
func FatalEventPasses(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil || inTable(fatalEventDrops, fn) {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok || sig.Recv() == nil || sig.Results().Len() != 1 || !types.Identical(sig.Recv().Type(), sig.Results().At(0).Type()) {
		return false
	}
	for k := range fatalEventSends {
		if i := strings.LastIndex(k, ")."); i > 0 && strings.HasPrefix(fn.Origin().FullName(), k[:i+2]) {
			return true
		}
	}
	return false
}

func inTable(table map[string]string, fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	_, ok := table[fn.Origin().FullName()]
	return ok
}

// processExits are the functions that end the process, so that a path
// through a call of one is no path a leak can be held on whatever called
// the function making the call (a panic may be recovered, a goroutine's
// end leaves the process running: neither is listed). Keyed by
// types.Func.FullName.
var processExits = map[string]string{
	"os.Exit":                   "ends the process",
	"log.Fatal":                 "prints, then os.Exit(1)",
	"log.Fatalf":                "prints, then os.Exit(1)",
	"log.Fatalln":               "prints, then os.Exit(1)",
	"(*log.Logger).Fatal":       "prints, then os.Exit(1)",
	"(*log.Logger).Fatalf":      "prints, then os.Exit(1)",
	"(*log.Logger).Fatalln":     "prints, then os.Exit(1)",
	"(*testing.common).Fatal":   "the test has failed: what its path holds is no leak of a passing run",
	"(*testing.common).Fatalf":  "the test has failed: what its path holds is no leak of a passing run",
	"(*testing.common).FailNow": "the test has failed: what its path holds is no leak of a passing run",
}

// ExitsProcess reports whether a call of fn ends the process, or the
// test as failed (processExits).
func ExitsProcess(fn *types.Func) bool { return inTable(processExits, fn) }
