// Package cliactions: workers started by the action of a command-line
// framework's command (fisk's Action). The action's error ends the
// program, so a worker left waiting on a failing return goes with the
// process; an action runs once per process, so what it leaves on a
// successful return is bounded too. One left by a function others call
// and go on after still leaks.
package cliactions

import (
	"errors"
	"fmt"

	"github.com/choria-io/fisk"
)

type benchCmd struct{ clients int }

func connect(i int) (int, error) {
	if i > 8 {
		return 0, errors.New("too many clients")
	}
	return i, nil
}

func run(conn int, trigger chan struct{}) {
	<-trigger
	fmt.Println(conn)
}

// Configure registers the actions.
func Configure(app *fisk.Application) {
	c := &benchCmd{}
	app.Command("request", "bench requests").Action(c.requestAction)
	app.Command("publish", "bench publishers").Action(c.publishAction)
}

// requestAction returns when a later client fails to connect, the earlier
// clients waiting on trigger: the program exits on the error.
func (c *benchCmd) requestAction(_ *fisk.ParseContext) error {
	trigger := make(chan struct{})
	for i := 0; i < c.clients; i++ {
		conn, err := connect(i)
		if err != nil {
			return fmt.Errorf("client number %d failed to connect: %w", i, err)
		}
		go run(conn, trigger)
	}
	close(trigger)
	return nil
}

// publishAction returns successfully without closing trigger after the
// fifth client: the action runs once per process, so its workers are a
// bounded set that goes with the process.
func (c *benchCmd) publishAction(_ *fisk.ParseContext) error {
	trigger := make(chan struct{})
	for i := 0; i < c.clients; i++ {
		conn, err := connect(i)
		if err != nil {
			return err
		}
		go func() {
			<-trigger
			fmt.Println(conn)
		}()
		if conn == 4 {
			return nil
		}
	}
	close(trigger)
	return nil
}

// Request is a library function: its callers may go on after its error.
func (c *benchCmd) Request() error {
	trigger := make(chan struct{})
	for i := 0; i < c.clients; i++ {
		conn, err := connect(i)
		if err != nil {
			return fmt.Errorf("client number %d failed to connect: %w", i, err)
		}
		go func() { // want `goroutine never finishes: it receives from trigger until it is closed, and the caller can return at line 80 without closing it`
			<-trigger
			fmt.Println(conn)
		}()
	}
	close(trigger)
	return nil
}
