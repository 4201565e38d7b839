// Package commandsv1: the actions of urfave/cli version 1, held in
// interface{} fields. A failing action's error ends the program, as with
// the later versions; a successful run that leaves a file open, or an
// action also called elsewhere, still leaks.
package commandsv1

import (
	"errors"
	"io"
	"log"
	"os"

	"github.com/urfave/cli"
)

var addLayer = cli.Command{Name: "add-layer", Action: rawAddLayer}

// rawAddLayer fails after opening the layer: the framework returns the
// error to main, which exits.
func rawAddLayer(ctx *cli.Context) error {
	f, err := os.Open("layer.tar")
	if err != nil {
		return err
	}
	if fi, err := f.Seek(0, io.SeekEnd); err != nil {
		return err
	} else if fi == 0 {
		return errors.New("layer is empty")
	}
	return f.Close()
}

// The same shape as a literal action of the application.
var app = &cli.App{
	Name: "tool",
	Action: func(ctx *cli.Context) error {
		f, err := os.Open("input")
		if err != nil {
			return err
		}
		if len(ctx.Args) > 1 {
			return errors.New("too many arguments")
		}
		return f.Close()
	},
}

// An action that leaves the file open when it succeeds: the framework
// returns to main, which ends the program with it.
var check = cli.Command{Name: "check", Action: checkLayer}

func checkLayer(ctx *cli.Context) error {
	f, err := os.Open("layer.tar")
	if err != nil {
		return err
	}
	if f.Name() == "" {
		return errors.New("no name")
	}
	return nil
}

// An action also run by hand, whose caller goes on after its error.
var export = cli.Command{Name: "export", Action: exportLayer}

func exportLayer(ctx *cli.Context) error {
	f, err := os.Create("export.out") // want `file from os.Create is not closed when returning at line 72`
	if err != nil {
		return err
	}
	if _, err := f.WriteString("data"); err != nil {
		return err
	}
	return f.Close()
}

func ExportAll() {
	if err := exportLayer(nil); err != nil {
		log.Print(err)
	}
}

func main() {
	if err := app.Run(os.Args); err != nil {
		log.Fatal(err)
	}
	_ = addLayer
	_ = check
}
