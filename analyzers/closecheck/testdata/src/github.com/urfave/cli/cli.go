// Package cli is a minimal stand-in for version 1 of the command-line
// framework: its actions are held in fields of type interface{}, and an
// application returns the error of the action it runs.
package cli

type Context struct{ Args []string }

type App struct {
	Name     string
	Action   interface{}
	Commands []Command
}

type Command struct {
	Name   string
	Action interface{}
}

func (a *App) Run(args []string) error {
	if f, ok := a.Action.(func(*Context) error); ok {
		return f(&Context{Args: args})
	}
	return nil
}
