// Package actions: a command's action runs once per process, however its
// registration is reached; what only actions reach runs once too.
package actions

import (
	"net/http"

	"github.com/choria-io/fisk"
	"github.com/spf13/cobra"
)

type subCmd struct{}

var commands []func(app *fisk.Application)

func register(f func(app *fisk.Application)) { commands = append(commands, f) } // want `register: once`

func init() { register(configureSub) } // want `init: once`

func configureSub(app *fisk.Application) { // want `configureSub: run time`
	c := &subCmd{}
	app.Command("sub", "subscribes").Action(c.subscribe)
	app.Command("pub", "publishes").Action(func(*fisk.ParseContext) error {
		startPublisher()
		return nil
	})
}

func (c *subCmd) subscribe(*fisk.ParseContext) error { // want `subscribe: once`
	c.startGraph()
	return nil
}

func (c *subCmd) startGraph() {} // want `startGraph: once`

func startPublisher() {} // want `startPublisher: once`

func runServe(cmd *cobra.Command, args []string) error { // want `runServe: once`
	startServer()
	return nil
}

func startServer() {} // want `startServer: once`

func alsoPerRequest() {} // want `alsoPerRequest: start-up and run time`

func handle(w http.ResponseWriter, r *http.Request) { alsoPerRequest() } // want `handle: run time`

func NewRoot() *cobra.Command { // want `NewRoot: run time`
	root := &cobra.Command{Use: "app", RunE: runServe}
	root.AddCommand(&cobra.Command{Use: "check", Run: func(*cobra.Command, []string) {
		alsoPerRequest()
	}})
	http.HandleFunc("/", handle)
	return root
}

// notAnAction keeps a function value in a field that is not an action.
type hooks struct{ OnEvent func() }

func onEvent() {} // want `onEvent: run time`

func Hooks() *hooks { return &hooks{OnEvent: onEvent} } // want `Hooks: run time`
