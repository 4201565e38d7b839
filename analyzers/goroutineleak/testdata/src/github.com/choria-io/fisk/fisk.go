// Package fisk is a minimal stand-in for the command-line framework: a
// command's actions are registered with a method, Parse runs the selected
// command's actions and returns the first error, and MustParseWithUsage
// and FatalIfError end the process on an error.
package fisk

import (
	"fmt"
	"os"
)

type ParseContext struct{ Args []string }

type Action func(*ParseContext) error

type actionMixin struct{ actions []Action }

type CmdClause struct {
	actionMixin
	name string
}

type Application struct {
	actionMixin
	cmds []*CmdClause
}

func New(name, help string) *Application { return &Application{} }

func (a *Application) Command(name, help string) *CmdClause {
	c := &CmdClause{name: name}
	a.cmds = append(a.cmds, c)
	return c
}

func (c *CmdClause) Command(name, help string) *CmdClause { return &CmdClause{name: name} }

func (c *CmdClause) Action(action Action) *CmdClause {
	c.actions = append(c.actions, action)
	return c
}

func (a *Application) Action(action Action) *Application {
	a.actions = append(a.actions, action)
	return a
}

func (a *Application) Parse(args []string) (string, error) {
	pc := &ParseContext{Args: args}
	for _, c := range a.cmds {
		for _, act := range c.actions {
			if err := act(pc); err != nil {
				return "", err
			}
		}
	}
	return "", nil
}

func (a *Application) MustParseWithUsage(args []string) string {
	cmd, err := a.Parse(args)
	a.FatalIfError(err, "")
	return cmd
}

func (a *Application) FatalIfError(err error, format string, args ...any) {
	if err == nil {
		return
	}
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

var CommandLine = New("", "")

func FatalIfError(err error, format string, args ...any) {
	CommandLine.FatalIfError(err, format, args...)
}
