// Package commands: the functions a command-line framework runs for a
// command. Their error ends the program, so what a failing run leaves
// open goes with the process; a successful run that leaves it open, or a
// function also called elsewhere, still leaks.
package commands

import (
	"errors"
	"os"

	"github.com/spf13/cobra"
	"github.com/urfave/cli/v2"
)

var root = &cobra.Command{Use: "tool"}

// backupCmd's runner is a named function used only there.
var backupCmd = &cobra.Command{Use: "backup", RunE: doBackup}

func init() {
	root.AddCommand(backupCmd)
}

func doBackup(cmd *cobra.Command, args []string) error {
	f, err := os.Create("backup.bak")
	if err != nil {
		return err
	}
	if _, err := f.WriteString("data"); err != nil {
		return err
	}
	return f.Close()
}

// NewServe returns a command whose runner is a literal.
func NewServe(dir string) *cobra.Command {
	return &cobra.Command{
		Use: "serve",
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(dir)
			if err != nil {
				return err
			}
			if len(args) > 1 {
				return errors.New("too many arguments")
			}
			return f.Close()
		},
	}
}

// NewCheck: a runner that leaves the file open on its successful return.
func NewCheck(dir string) *cobra.Command {
	return &cobra.Command{
		Use: "check",
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(dir) // want `file from os.Open is not closed when returning at line 64`
			if err != nil {
				return err
			}
			if f.Name() == "" || len(args) > 1 {
				return errors.New("too many arguments")
			}
			return nil
		},
	}
}

// doExport is a command's runner and is also called by Export, a library
// function whose callers go on after its error.
var exportCmd = &cobra.Command{Use: "export", RunE: doExport}

func doExport(cmd *cobra.Command, args []string) error {
	f, err := os.Create("export.out") // want `file from os.Create is not closed when returning at line 79`
	if err != nil {
		return err
	}
	if _, err := f.WriteString("data"); err != nil {
		return err
	}
	return f.Close()
}

func Export() error { return doExport(nil, nil) }

// A runner that does not return an error is not ended by the framework.
func NewStatus() *cobra.Command {
	return &cobra.Command{Use: "status", Run: func(cmd *cobra.Command, args []string) {
		f, err := os.Open("status") // want `file from os.Open is not closed when returning at line 94`
		if err != nil {
			return
		}
		if len(args) > 1 {
			return
		}
		f.Close()
	}}
}

// An application's action, named and of the framework's named function
// type, used only there.
func NewApp() *cli.App {
	return &cli.App{Name: "tool", Commands: []*cli.Command{{Name: "dump", Action: dump}}}
}

func dump(c *cli.Context) error {
	f, err := os.Create("dump.out")
	if err != nil {
		return err
	}
	if _, err := f.WriteString("data"); err != nil {
		return err
	}
	return f.Close()
}

// The same function also run by hand after a failed attempt leaks.
func dumpTwice(c *cli.Context) error {
	f, err := os.Create("dump.out") // want `file from os.Create is not closed when returning at line 124`
	if err != nil {
		return err
	}
	if _, err := f.WriteString("data"); err != nil {
		return err
	}
	return f.Close()
}

func NewRetrying() *cli.App {
	return &cli.App{Name: "retry", Action: func(c *cli.Context) error {
		if dumpTwice(c) != nil {
			return dumpTwice(c)
		}
		return nil
	}}
}
