// Package cli is a minimal stand-in for the command-line framework: an
// application runs its action, or a command's, and returns its error.
package cli

type Context struct{ Args []string }

type ActionFunc func(*Context) error

type App struct {
	Name     string
	Action   ActionFunc
	Commands []*Command
}

type Command struct {
	Name   string
	Action ActionFunc
}

func (a *App) Run(args []string) error {
	if a.Action != nil {
		return a.Action(&Context{Args: args})
	}
	return nil
}
