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

// NewCheck: a runner that leaves the file open on its successful return;
// the framework returns to main, which ends the program with it.
func NewCheck(dir string) *cobra.Command {
	return &cobra.Command{
		Use: "check",
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(dir)
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
	f, err := os.Create("export.out") // want `file from os.Create is not closed when returning at line 80`
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
		f, err := os.Open("status") // want `file from os.Open is not closed when returning at line 95`
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
	f, err := os.Create("dump.out") // want `file from os.Create is not closed when returning at line 125`
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

// An action's helper whose error the action hands back as its own: the
// framework ends the program on it.
func NewSend() *cli.App {
	return &cli.App{Name: "send", Commands: []*cli.Command{
		{Name: "send", Action: send},
		{Name: "paste", Action: paste},
		{Name: "note", Action: note},
		{Name: "echo", Action: echo},
	}}
}

func send(c *cli.Context) (err error) {
	var names []string
	names, err = readStdin()
	if err != nil {
		return
	}
	defer os.Remove(names[0])
	return upload(names)
}

func readStdin() (names []string, err error) {
	f, err := os.CreateTemp(".", "stdin-")
	if err != nil {
		return
	}
	if _, err = f.ReadFrom(os.Stdin); err != nil {
		return
	}
	if err = f.Close(); err != nil {
		return
	}
	return []string{f.Name()}, nil
}

// A helper two calls away from the action, each caller handing the error
// on.
func paste(c *cli.Context) error {
	names, err := pasteFile("text")
	if err != nil {
		return err
	}
	return upload(names)
}

func pasteFile(text string) ([]string, error) {
	name, err := writeText(text)
	if err != nil {
		return nil, err
	}
	return []string{name}, nil
}

func writeText(text string) (string, error) {
	f, err := os.CreateTemp(".", "text-")
	if err != nil {
		return "", err
	}
	if _, err := f.WriteString(text); err != nil {
		return "", err
	}
	return f.Name(), f.Close()
}

// An action that logs its helper's error and goes on: the program does
// not end there.
func note(c *cli.Context) error {
	names, err := writeNote("text")
	if err != nil {
		names = nil
	}
	return upload(names)
}

func writeNote(text string) ([]string, error) {
	f, err := os.CreateTemp(".", "note-") // want `file from os.CreateTemp is not closed when returning at line 219`
	if err != nil {
		return nil, err
	}
	if _, err := f.WriteString(text); err != nil {
		return nil, err
	}
	return []string{f.Name()}, f.Close()
}

// An action that turns its helper's error into a success on one path.
func echo(c *cli.Context) (err error) {
	var names []string
	names, err = writeEcho("text")
	if err != nil {
		if len(c.Args) == 0 {
			err = nil
		}
		return
	}
	return upload(names)
}

func writeEcho(text string) ([]string, error) {
	f, err := os.CreateTemp(".", "echo-") // want `file from os.CreateTemp is not closed when returning at line 243`
	if err != nil {
		return nil, err
	}
	if _, err := f.WriteString(text); err != nil {
		return nil, err
	}
	return []string{f.Name()}, f.Close()
}

// WriteReport is exported: callers in other packages may go on after its
// error, whoever calls it here.
func WriteReport(text string) error {
	f, err := os.Create("report.txt") // want `file from os.Create is not closed when returning at line 256`
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		return err
	}
	return f.Close()
}

func report(c *cli.Context) error { return WriteReport("text") }

var reportCmd = &cli.Command{Name: "report", Action: report}

func upload(names []string) error { return nil }

// A named action that the application's default action also runs, handing
// its error on: every use ends the program on a failure.
func NewDefault() *cli.App {
	return &cli.App{
		Name:     "default",
		Commands: []*cli.Command{{Name: "put", Action: put}},
		Action: func(c *cli.Context) error {
			if len(c.Args) > 0 {
				return put(c)
			}
			return nil
		},
	}
}

func put(c *cli.Context) error {
	f, err := os.Create("put.out")
	if err != nil {
		return err
	}
	if _, err := f.WriteString("data"); err != nil {
		return err
	}
	return f.Close()
}

// The same, but the default action goes on after its failure.
func NewLenient() *cli.App {
	return &cli.App{
		Name:     "lenient",
		Commands: []*cli.Command{{Name: "get", Action: get}},
		Action: func(c *cli.Context) error {
			if err := get(c); err != nil {
				return nil
			}
			return nil
		},
	}
}

func get(c *cli.Context) error {
	f, err := os.Create("get.out") // want `file from os.Create is not closed when returning at line 313`
	if err != nil {
		return err
	}
	if _, err := f.WriteString("data"); err != nil {
		return err
	}
	return f.Close()
}
