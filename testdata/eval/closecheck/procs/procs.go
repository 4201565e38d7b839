package procs

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Head returns the commit hash of HEAD.
func (a *Agent) Head() (string, error) {
	out, err := a.command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// Vet runs go vet and returns its report.
func (a *Agent) Vet(pkgs ...string) (string, error) {
	out, err := a.command("go", append([]string{"vet"}, pkgs...)...).CombinedOutput()
	return string(out), err
}

// Fetch runs git fetch, streaming its output to the agent's log.
func (a *Agent) Fetch(ctx context.Context, remote string) error {
	cmd := exec.CommandContext(ctx, "git", "fetch", "--prune", remote)
	cmd.Dir = a.dir
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	return cmd.Run()
}

// Build runs go build and logs each line of its output as it comes.
func (a *Agent) Build(pkg string) error {
	cmd := a.command("go", "build", "-v", pkg)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	lines(stderr, func(l string) { a.log.Info("build", "line", l) })
	return cmd.Wait()
}

// ChangedFiles lists the files changed since base.
func (a *Agent) ChangedFiles(base string) ([]string, error) {
	cmd := a.command("git", "diff", "--name-only", base)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil { // eval:leak closecheck
		return nil, err
	}
	var files []string
	if err := lines(stdout, func(l string) { files = append(files, l) }); err != nil {
		return nil, err
	}
	if err := cmd.Wait(); err != nil {
		return nil, err
	}
	return files, nil
}

// Notify tells the desktop that a build finished.
func (a *Agent) Notify(title, body string) error {
	return exec.Command("notify-send", title, body).Start() // eval:leak closecheck
}

// NotifyAsync is Notify with the process reaped in the background.
func (a *Agent) NotifyAsync(title, body string) error {
	cmd := exec.Command("notify-send", title, body)
	if err := cmd.Start(); err != nil {
		return err
	}
	go func() {
		if err := cmd.Wait(); err != nil {
			a.log.Warn("notify-send", "err", err)
		}
	}()
	return nil
}

// StartDaemon starts a helper daemon that runs until Stop.
func (a *Agent) StartDaemon(name string, args ...string) (*Daemon, error) {
	cmd := a.command(name, args...)
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	d := &Daemon{cmd: cmd, done: make(chan error, 1)}
	go func() { d.done <- cmd.Wait() }()
	return d, nil
}

// Test runs go test with a deadline, killing the process group when it
// is exceeded.
func (a *Agent) Test(pkg string, timeout time.Duration) error {
	cmd := a.command("go", "test", pkg)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(timeout):
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		return ErrTimeout
	}
}

// Convert runs an image converter with a deadline and kills it when the
// deadline passes.
func (a *Agent) Convert(src, dst string, timeout time.Duration) error {
	cmd := a.command("convert", src, "-resize", "1024x1024>", dst)
	if err := cmd.Start(); err != nil {
		return err
	}
	timer := time.AfterFunc(timeout, func() { cmd.Process.Kill() })
	defer timer.Stop()
	st, err := cmd.Process.Wait()
	if err != nil {
		return err
	}
	if !st.Success() {
		return fmt.Errorf("convert %s: %s", src, st)
	}
	return nil
}

// CheckDaemon starts the daemon binary to see that it stays up for a
// moment, then stops it.
func (a *Agent) CheckDaemon(name string, grace time.Duration) error {
	cmd := a.command(name, "--foreground")
	if err := cmd.Start(); err != nil { // eval:leak closecheck
		return err
	}
	time.Sleep(grace)
	if err := cmd.Process.Signal(syscall.Signal(0)); err != nil {
		return fmt.Errorf("%s exited during start-up", name)
	}
	return cmd.Process.Kill()
}

// Lint runs the linter with a context deadline; the context kills the
// process and Wait reaps it.
func (a *Agent) Lint(ctx context.Context, pkg string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "staticcheck", pkg)
	cmd.Dir = a.dir
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	err := cmd.Wait()
	if ctx.Err() == context.DeadlineExceeded {
		return nil, ErrTimeout
	}
	return out.Bytes(), err
}

// StartWorkers starts n worker processes; if one fails to start, the ones
// already running are killed and reaped.
func (a *Agent) StartWorkers(n int, args ...string) (*Workers, error) {
	w := &Workers{}
	for i := range n {
		cmd := a.command("worker", append([]string{"-id", strconv.Itoa(i)}, args...)...)
		if err := cmd.Start(); err != nil {
			for _, c := range w.cmds {
				c.Process.Kill()
				c.Wait()
			}
			return nil, err
		}
		w.cmds = append(w.cmds, cmd)
	}
	return w, nil
}

// RunShards runs one test shard per process and waits for all of them.
func (a *Agent) RunShards(shards int) error {
	var cmds []*exec.Cmd
	for i := range shards {
		cmd := a.command("go", "test", "-shard", strconv.Itoa(i))
		if err := cmd.Start(); err != nil { // eval:leak closecheck
			return fmt.Errorf("shard %d: %w", i, err)
		}
		cmds = append(cmds, cmd)
	}
	var errs []error
	for _, c := range cmds {
		errs = append(errs, c.Wait())
	}
	return errors.Join(errs...)
}

// Format pipes src through gofmt.
func (a *Agent) Format(src []byte) ([]byte, error) {
	cmd := a.command("gofmt")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Start(); err != nil { // eval:leak closecheck
		return nil, err
	}
	if _, err := stdin.Write(src); err != nil {
		return nil, err
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Sign pipes data through gpg; on a write failure the process is killed
// and reaped.
func (a *Agent) Sign(data []byte) ([]byte, error) {
	cmd := a.command("gpg", "--detach-sign", "--armor")
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	if _, err := stdin.Write(data); err != nil {
		cmd.Process.Kill()
		cmd.Wait()
		return nil, err
	}
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// startTool starts a tool and hands the running command to the caller,
// who must wait for it.
func (a *Agent) startTool(name string, args ...string) (*exec.Cmd, error) {
	cmd := a.command(name, args...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	return cmd, nil
}

// Serve runs the documentation server until ctx ends.
func (a *Agent) Serve(ctx context.Context, addr string) error {
	cmd, err := a.startTool("godoc", "-http", addr)
	if err != nil {
		return err
	}
	<-ctx.Done()
	cmd.Process.Signal(os.Interrupt)
	return cmd.Wait()
}

// Preview starts the preview server and records its PID for the UI.
func (a *Agent) Preview(addr, pidFile string) error {
	cmd, err := a.startTool("hugo", "server", "--bind", addr) // eval:leak closecheck
	if err != nil {
		return err
	}
	return os.WriteFile(pidFile, []byte(strconv.Itoa(cmd.Process.Pid)), 0o644)
}

// Pipeline runs "git archive | gzip" into w.
func (a *Agent) Pipeline(ref string, w io.Writer) error {
	archive := a.command("git", "archive", ref)
	gz := a.command("gzip", "-9")
	pipe, err := archive.StdoutPipe()
	if err != nil {
		return err
	}
	gz.Stdin = pipe
	gz.Stdout = w
	if err := gz.Start(); err != nil {
		return err
	}
	if err := archive.Run(); err != nil {
		gz.Process.Kill()
		gz.Wait()
		return err
	}
	return gz.Wait()
}

// Mirror runs "git bundle create - --all | ssh host" to copy the
// repository.
func (a *Agent) Mirror(host string) error {
	bundle := a.command("git", "bundle", "create", "-", "--all")
	ssh := a.command("ssh", host, "git-receive-bundle")
	pipe, err := bundle.StdoutPipe()
	if err != nil {
		return err
	}
	ssh.Stdin = pipe
	if err := bundle.Start(); err != nil { // eval:leak closecheck
		return err
	}
	if err := ssh.Start(); err != nil {
		return fmt.Errorf("ssh %s: %w", host, err)
	}
	if err := ssh.Wait(); err != nil {
		return err
	}
	return bundle.Wait()
}

// Versions runs "go version" for each toolchain.
func Versions(goroots []string) (map[string]string, error) {
	out := map[string]string{}
	for _, root := range goroots {
		b, err := exec.Command(root+"/bin/go", "version").Output()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", root, err)
		}
		out[root] = strings.TrimSpace(string(b))
	}
	return out, nil
}
