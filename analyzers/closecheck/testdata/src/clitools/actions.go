// Package clitools: the actions a command-line framework registers with a
// method (fisk's Action), and the helpers whose callers end the process
// on their error (fisk.FatalIfError, a fatal zerolog event). What a
// failing run leaves open goes with the process; a successful run that
// leaves it open, or a helper whose caller goes on, still leaks.
package clitools

import (
	"errors"
	"fmt"
	"os"

	"github.com/choria-io/fisk"
)

type editCmd struct {
	path    string
	entropy string
	verbose bool
}

// Configure registers the commands' actions: method values, a named
// function and a literal.
func Configure(app *fisk.Application) {
	c := &editCmd{}
	app.Command("gen", "generate").Action(c.genAction)
	app.Command("edit", "edit").Action(c.editAction)
	app.Command("dump", "dump").Action(c.dumpAction)
	app.Command("bench", "bench").Action(c.benchSync)
	app.Command("bench-async", "bench").Action(c.benchAsync)
	app.Command("check", "check").Action(checkAction)
	app.Command("show", "show").Action(func(pc *fisk.ParseContext) error {
		f, err := os.Open("show.txt")
		if err != nil {
			return err
		}
		if len(pc.Args) > 1 {
			return errors.New("too many arguments") // the action's error: the program exits
		}
		return f.Close()
	})
	app.Command("keep", "keep").Action(c.keepAction)
}

// genAction, a method value given to Action: its failing returns end the
// program.
func (c *editCmd) genAction(_ *fisk.ParseContext) error {
	r, err := os.Open(c.entropy)
	if err != nil {
		return fmt.Errorf("could not use custom entropy source: %w", err)
	}
	if c.verbose {
		return errors.New("verbose output is not supported")
	}
	return r.Close()
}

// checkAction, a named function given to Action.
func checkAction(pc *fisk.ParseContext) error {
	f, err := os.Open("check.txt")
	if err != nil {
		return err
	}
	if len(pc.Args) == 0 {
		return errors.New("nothing to check")
	}
	return f.Close()
}

// keepAction leaves the file open on a successful return: another action
// may run after it, so the success is no end of the program.
func (c *editCmd) keepAction(_ *fisk.ParseContext) error {
	f, err := os.Open(c.path) // want `file from os.Open is not closed when returning at line 80`
	if err != nil {
		return err
	}
	if f.Name() == "" {
		return errors.New("no name")
	}
	return nil
}

// editAction calls interactiveEdit, a method only it calls, and ends the
// process through fisk.FatalIfError when it fails.
func (c *editCmd) editAction(_ *fisk.ParseContext) error {
	cfg, err := c.interactiveEdit(c.path)
	fisk.FatalIfError(err, "could not edit %s", c.path)
	fmt.Println(cfg)
	return nil
}

func (c *editCmd) interactiveEdit(cfg string) (string, error) {
	tfile, err := os.CreateTemp("", "*.yaml")
	if err != nil {
		return "", fmt.Errorf("could not create temporary file: %s", err)
	}
	defer os.Remove(tfile.Name())
	if _, err := fmt.Fprint(tfile, cfg); err != nil {
		return "", fmt.Errorf("could not write temporary file: %s", err)
	}
	if err := tfile.Close(); err != nil {
		return "", err
	}
	return cfg, nil
}

// dumpAction calls writeDump, which an exported function also calls and
// goes on after its error: writeDump's failing return still leaks.
func (c *editCmd) dumpAction(_ *fisk.ParseContext) error {
	if err := c.writeDump(c.path); err != nil {
		return err
	}
	return nil
}

// DumpAll goes on after a failing dump.
func (c *editCmd) DumpAll(paths []string) {
	for _, p := range paths {
		if err := c.writeDump(p); err != nil {
			fmt.Println(err)
		}
	}
}

func (c *editCmd) writeDump(path string) error {
	f, err := os.Create(path) // want `file from os.Create is not closed when returning at line 131`
	if err != nil {
		return err
	}
	if _, err := f.WriteString("dump"); err != nil {
		return err
	}
	return f.Close()
}

// benchSync and benchAsync hand the error of benchRun, a helper method,
// back to the framework.
func (c *editCmd) benchSync(_ *fisk.ParseContext) error { return c.benchRun(false) }

func (c *editCmd) benchAsync(_ *fisk.ParseContext) error { return c.benchRun(true) }

func (c *editCmd) benchRun(async bool) error {
	f, err := os.Open(c.path)
	if err != nil {
		return err
	}
	if async {
		return fmt.Errorf("async bench of %s is not supported", f.Name())
	}
	return f.Close()
}

// Runner is an interface of the package: runShared is called through it,
// so it may run where no call names it.
type Runner interface{ runShared() error }

func (c *editCmd) sharedAction(_ *fisk.ParseContext) error { return c.runShared() }

func (c *editCmd) runShared() error {
	f, err := os.Open(c.path) // want `file from os.Open is not closed when returning at line 165`
	if err != nil {
		return err
	}
	if c.verbose {
		return errors.New("verbose")
	}
	return f.Close()
}

// RunAll runs each runner and goes on after a failure.
func RunAll(rs []Runner) {
	for _, r := range rs {
		if err := r.runShared(); err != nil {
			fmt.Println(err)
		}
	}
}

// RegisterShared registers sharedAction.
func RegisterShared(app *fisk.Application) {
	c := &editCmd{}
	app.Command("shared", "shared").Action(c.sharedAction)
}

// Exported: another package may call it and go on after its error.
func (c *editCmd) ExportedAction(_ *fisk.ParseContext) error {
	f, err := os.Open(c.path) // want `file from os.Open is not closed when returning at line 192`
	if err != nil {
		return err
	}
	if c.verbose {
		return errors.New("verbose")
	}
	return f.Close()
}
