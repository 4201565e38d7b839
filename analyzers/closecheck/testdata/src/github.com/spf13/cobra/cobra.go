// Package cobra is a minimal stand-in for the command-line framework: a
// command holds the functions that run it, and Execute stops at the
// first error and returns it.
package cobra

type Command struct {
	Use     string
	RunE    func(cmd *Command, args []string) error
	Run     func(cmd *Command, args []string)
	PreRunE func(cmd *Command, args []string) error
}

func (c *Command) AddCommand(cmds ...*Command) {}

func (c *Command) Execute() error {
	if c.PreRunE != nil {
		if err := c.PreRunE(c, nil); err != nil {
			return err
		}
	}
	if c.RunE != nil {
		return c.RunE(c, nil)
	}
	return nil
}
