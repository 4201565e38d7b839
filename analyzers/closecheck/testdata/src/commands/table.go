package commands

import (
	"errors"
	"fmt"
	"log"
	"net"
	"os"

	"github.com/spf13/cobra"
)

// Commands kept in a table of the package: one row per command, whose
// function the runner made for that row calls through the row's field and
// hands its error back to the framework, which ends the program.
type row struct {
	name string
	fn   func(addr string) error
}

func TableCommands() []*cobra.Command {
	rows := []row{
		{name: "trace", fn: traceTo},
		{name: "dump", fn: dumpTo},
	}
	var cmds []*cobra.Command
	for _, r := range rows {
		r := r
		cmds = append(cmds, &cobra.Command{
			Use: r.name,
			RunE: func(cmd *cobra.Command, args []string) error {
				if len(args) < 1 {
					return errors.New("missing address")
				}
				if err := r.fn(args[0]); err != nil {
					return err
				}
				return nil
			},
		})
	}
	return cmds
}

// traceTo's file is left open only when the program ends.
func traceTo(addr string) error {
	f, err := os.CreateTemp("", "trace")
	if err != nil {
		return err
	}
	if _, err := f.WriteString(addr); err != nil {
		return err
	}
	return f.Close()
}

// dumpTo's helper wraps the error in a new one: still a failure handed on.
func dumpTo(addr string) error {
	out, err := fetch(addr)
	if err != nil {
		return fmt.Errorf("dump: %v", err)
	}
	return os.WriteFile("dump.out", out, 0o600)
}

func fetch(addr string) ([]byte, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	if _, err := conn.Write([]byte("dump")); err != nil {
		return nil, err
	}
	return nil, conn.Close()
}

// The same table read by a function that logs a row's failure and goes
// on to the next: the file stays open while the program runs.
type job struct {
	name string
	fn   func(addr string) error
}

var jobs = []job{{name: "sync", fn: syncTo}}

func RunJobs(addr string) {
	for _, j := range jobs {
		if err := j.fn(addr); err != nil {
			log.Print(err)
		}
	}
}

func syncTo(addr string) error {
	f, err := os.CreateTemp("", "sync") // want `file from os.CreateTemp is not closed when returning at line 100`
	if err != nil {
		return err
	}
	if _, err := f.WriteString(addr); err != nil {
		return err
	}
	return f.Close()
}

// A row's function handed to another function: where it runs is not seen.
type step struct {
	fn func(addr string) error
}

func StepCommand(run func(func(string) error)) *cobra.Command {
	s := step{fn: stepTo}
	return &cobra.Command{Use: "step", RunE: func(cmd *cobra.Command, args []string) error {
		run(s.fn)
		return s.fn(args[0])
	}}
}

func stepTo(addr string) error {
	f, err := os.CreateTemp("", "step") // want `file from os.CreateTemp is not closed when returning at line 124`
	if err != nil {
		return err
	}
	if _, err := f.WriteString(addr); err != nil {
		return err
	}
	return f.Close()
}

// An exported field: other packages may call what it holds and go on.
type Task struct {
	Fn func(addr string) error
}

func TaskCommand() *cobra.Command {
	t := Task{Fn: taskTo}
	return &cobra.Command{Use: "task", RunE: func(cmd *cobra.Command, args []string) error {
		return t.Fn(args[0])
	}}
}

func taskTo(addr string) error {
	f, err := os.CreateTemp("", "task") // want `file from os.CreateTemp is not closed when returning at line 147`
	if err != nil {
		return err
	}
	if _, err := f.WriteString(addr); err != nil {
		return err
	}
	return f.Close()
}

// A runner that opens a file per argument without closing it: each round
// leaves one more open while the command runs.
func ScanCommand() *cobra.Command {
	return &cobra.Command{Use: "scan", RunE: func(cmd *cobra.Command, args []string) error {
		for _, a := range args {
			f, err := os.Open(a) // want `file from os.Open is not closed before the next loop iteration acquires another`
			if err != nil {
				return err
			}
			if f.Name() == "" {
				return errors.New("no name")
			}
		}
		return nil
	}}
}

// A row's function that leaves its file open when it succeeds, in a table
// whose runner then serves until the program is stopped: the file is held
// all that time.
type serveRow struct {
	fn func(addr string) error
}

func ServeCommand(serve func() error) *cobra.Command {
	r := serveRow{fn: prepareTo}
	return &cobra.Command{Use: "serve", RunE: func(cmd *cobra.Command, args []string) error {
		if err := r.fn(args[0]); err != nil {
			return err
		}
		return serve()
	}}
}

func prepareTo(addr string) error {
	f, err := os.CreateTemp("", "prepare") // want `file from os.CreateTemp is not closed when returning at line 194`
	if err != nil {
		return err
	}
	if _, err := f.WriteString(addr); err != nil {
		return err
	}
	return nil
}

// The same row's function in a runner that returns once it has succeeded:
// the program ends with the file.
type lastRow struct {
	fn func(addr string) error
}

func LastCommand() *cobra.Command {
	r := lastRow{fn: writeLast}
	return &cobra.Command{Use: "last", RunE: func(cmd *cobra.Command, args []string) error {
		if err := r.fn(args[0]); err != nil {
			return err
		}
		return nil
	}}
}

func writeLast(addr string) error {
	f, err := os.CreateTemp("", "last")
	if err != nil {
		return err
	}
	if _, err := f.WriteString(addr); err != nil {
		return err
	}
	return nil
}

// A pre-run hook's success is followed by the command's own runner: what
// it leaves open on success is held while the command runs; its failure
// still ends the program.
func HookedCommand(run func() error) *cobra.Command {
	return &cobra.Command{
		Use: "hooked",
		PreRunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.CreateTemp("", "hook") // want `file from os.CreateTemp is not closed when returning at line 238`
			if err != nil {
				return err
			}
			if _, err := f.WriteString("hook"); err != nil {
				return err
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return run() },
	}
}
