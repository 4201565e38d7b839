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

// commandPreRunners are the runner fields whose function runs before the
// command's own (RunE follows them when they succeed): a successful return
// there does not end the run.
var commandPreRunners = map[string]string{
	"github.com/spf13/cobra.Command.PreRunE":           "RunE runs after it",
	"github.com/spf13/cobra.Command.PersistentPreRunE": "the subcommand's RunE runs after it",
}

// CommandPackage reports whether the package at path declares a type with
// a command's runner field (commandRunners).
func CommandPackage(path string) bool {
	for k := range commandRunners {
		if strings.HasPrefix(k, path+".") && !strings.Contains(k[len(path)+1:], "/") {
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

// EndsCommandRun reports whether field of the struct type owner holds a
// function that a command-line framework runs for a command and after
// which, whatever it returns, the framework returns to main: a runner
// (RunsCommand) that no other runner of the command follows.
func EndsCommandRun(owner types.Type, field *types.Var) bool {
	if !RunsCommand(owner, field) {
		return false
	}
	if p, ok := owner.(*types.Pointer); ok {
		owner = p.Elem()
	}
	named := types.Unalias(owner).(*types.Named)
	_, pre := commandPreRunners[named.Obj().Pkg().Path()+"."+named.Obj().Name()+"."+field.Name()]
	return !pre
}
