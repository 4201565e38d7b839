package files

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"os/exec"
	"time"
)

// A defer inside a loop holds every iteration's resource until the
// function returns. That matters when the function goes on holding them:
// a later round waits for something outside the program, an enclosing
// loop comes round for more, or the function waits after the loop. A
// loop over the function's data that only computes, in a function that
// returns right after it, or only computes first, closes them all at
// once.

// upload (a client's multipart upload): the files stay open while the
// request, made by a helper of the package, waits for the server.
func upload(c *http.Client, url string, paths []string) error {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for _, p := range paths {
		f, err := os.Open(p) // want `file from os.Open is released by a defer inside the loop: every iteration's file stays open until the function returns`
		if err != nil {
			return err
		}
		defer f.Close()
		fw, err := w.CreateFormFile(p, p)
		if err != nil {
			return err
		}
		if _, err := io.Copy(fw, f); err != nil {
			return err
		}
	}
	w.Close()
	return send(c, url, &b)
}

func send(c *http.Client, url string, body io.Reader) error {
	req, err := http.NewRequest(http.MethodPost, url, body)
	if err != nil {
		return err
	}
	resp, err := c.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// uploadLater builds the same form and hands it back: nothing waits
// after the loop.
func uploadLater(paths []string) (*bytes.Buffer, error) {
	var b bytes.Buffer
	w := multipart.NewWriter(&b)
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		fw, err := w.CreateFormFile(p, p)
		if err != nil {
			return nil, err
		}
		if _, err := io.Copy(fw, f); err != nil {
			return nil, err
		}
	}
	return &b, w.Close()
}

// layers (an archive writer's shape): the inner loop's files stay open
// while the outer loop goes round every group.
func layers(groups [][]string, out io.Writer) error {
	for _, g := range groups {
		for _, p := range g {
			f, err := os.Open(p) // want `file from os.Open is released by a defer inside the loop: every iteration's file stays open until the function returns`
			if err != nil {
				return err
			}
			defer f.Close()
			if _, err := io.Copy(out, f); err != nil {
				return err
			}
		}
	}
	return nil
}

// loadEnv (a live-reload tool's shape): after the loop the function only
// updates a map and logs through a function value before it returns.
func loadEnv(paths []string, env map[string]string, logf func(string, ...any)) {
	seen := map[string]bool{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			return
		}
		env[p] = string(b)
		seen[p] = true
	}
	for k := range env {
		if !seen[k] {
			logf("dropping %s", k)
			delete(env, k)
		}
	}
}

// lockWithPoll (a file locker's shape): the loop goes round until the
// lock is free, as many rounds as that takes, and every round's file
// stays open across the later rounds' waits.
func lockWithPoll(ctx context.Context, path string, try func() bool, watch func()) error {
	for !try() {
		f, err := os.Create(path + ".stop") // want `file from os.Create is released by a defer inside the loop: every iteration's file stays open until the function returns`
		if err != nil {
			return err
		}
		defer f.Close()
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(time.Second):
		}
	}
	go watch()
	return nil
}

// recordAll waits for the database after the loop: the call takes a
// context and can fail.
func recordAll(ctx context.Context, db *sql.DB, paths []string) error {
	for _, p := range paths {
		f, err := os.Open(p) // want `file from os.Open is released by a defer inside the loop: every iteration's file stays open until the function returns`
		if err != nil {
			return err
		}
		defer f.Close()
		if _, err := io.Copy(io.Discard, f); err != nil {
			return err
		}
	}
	return db.PingContext(ctx)
}

// scoped derives a context after the loop: that waits for nothing.
func scoped(ctx context.Context, paths []string) (context.Context, context.CancelFunc, error) {
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, nil, err
		}
		defer f.Close()
		if _, err := io.Copy(io.Discard, f); err != nil {
			return nil, nil, err
		}
	}
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	return ctx, cancel, nil
}

// deferInLoopThenRun is files.go's deferInLoop with a process run after
// the loop: every file stays open until it ends.
func deferInLoopThenRun(paths []string, name string) (int, error) {
	total := 0
	for _, p := range paths {
		f, err := os.Open(p) // want `file from os.Open is released by a defer inside the loop: every iteration's file stays open until the function returns`
		if err != nil {
			return 0, err
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			return 0, err
		}
		total += len(b)
	}
	return total, exec.Command(name).Run()
}

// serve takes connections until the listener fails: the loop counts
// events, not data, and every connection stays open across the next
// Accept.
func serve(l net.Listener, greeting []byte) error {
	for {
		c, err := l.Accept() // want `connection from l.Accept is released by a defer inside the loop: every iteration's connection stays open until the function returns`
		if err != nil {
			return err
		}
		defer c.Close()
		if _, err := c.Write(greeting); err != nil {
			return err
		}
	}
}

// firstLines reads one line of every file it is given and returns right
// after the loop: a range over the function's data, all closed at once.
func firstLines(paths []string) ([]string, error) {
	var lines []string
	for i := 0; i < len(paths); i++ {
		f, err := os.Open(paths[i])
		if err != nil {
			return nil, err
		}
		defer f.Close()
		b := make([]byte, 80)
		n, _ := f.Read(b)
		lines = append(lines, string(b[:n]))
	}
	return lines, nil
}

// greetAll dials every address in turn: each round waits for its
// connection while the earlier rounds' connections are open.
func greetAll(addrs []string, hello []byte) error {
	for _, a := range addrs {
		c, err := net.Dial("tcp", a) // want `connection from net.Dial is released by a defer inside the loop: every iteration's connection stays open until the function returns`
		if err != nil {
			return err
		}
		defer c.Close()
		if _, err := c.Write(hello); err != nil {
			return err
		}
	}
	return nil
}
