// Package cliaction: a command-line command's action runs once per
// process (the framework runs the command the arguments select), so a
// display goroutine it starts for the command's life is not a leak; the
// same goroutine started per request is.
package cliaction

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/choria-io/fisk"
)

type subCmd struct{ rates []int }

func Configure(app *fisk.Application) {
	c := &subCmd{}
	app.Command("sub", "subscribes").Action(c.subscribe)
	app.Command("serve", "serves until interrupted").Action(func(*fisk.ParseContext) error {
		ch := make(chan string)
		go func() {
			for s := range ch {
				fmt.Println(s)
			}
		}()
		return nil
	})
}

func (c *subCmd) subscribe(*fisk.ParseContext) error {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c.startGraph(ctx)
	c.startReport(ctx)
	return nil
}

func (c *subCmd) startGraph(ctx context.Context) {
	go func() {
		ticker := time.NewTicker(time.Second)
		for {
			select {
			case <-ticker.C:
				fmt.Println(c.rates)
			case <-ctx.Done():
				ticker.Stop()
			}
		}
	}()
}

// startReport is started by an action and by a handler, once per request.
func (c *subCmd) startReport(ctx context.Context) {
	go func() { // want `goroutine never finishes: the loop at line 58 has no exit and watches no cancellation`
		ticker := time.NewTicker(time.Second)
		for {
			select {
			case <-ticker.C:
				fmt.Println(len(c.rates))
			case <-ctx.Done():
				ticker.Stop()
			}
		}
	}()
}

func handle(w http.ResponseWriter, r *http.Request) {
	c := &subCmd{}
	c.startReport(r.Context())
}

func Routes() { http.HandleFunc("/graph", handle) }
