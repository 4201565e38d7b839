// Package fisk is a stand-in for the command-line framework: Parse runs
// the action of the command the arguments select.
package fisk

type ParseContext struct{}

type Action func(*ParseContext) error

type CmdClause struct{ action Action }

func (c *CmdClause) Action(a Action) *CmdClause { c.action = a; return c }

func (c *CmdClause) Command(name, help string) *CmdClause { return &CmdClause{} }

type Application struct{ CmdClause }

func New(name, help string) *Application { return &Application{} }

func (a *Application) Command(name, help string) *CmdClause { return &CmdClause{} }

func (a *Application) MustParseWithUsage(args []string) string { return "" }
