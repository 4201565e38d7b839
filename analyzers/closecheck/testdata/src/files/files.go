package files

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"helpers"
	"io"
	"net"
	"os"
	"os/exec"
	"strings"
)

func neverClosed(path string) (string, error) {
	f, err := os.Open(path) // want `file from os.Open is not closed when returning at line 22`
	if err != nil {
		return "", err
	}
	line, err := bufio.NewReader(f).ReadString('\n')
	return line, err
}

func earlyReturn(path string) ([]byte, error) {
	f, err := os.Open(path) // want `file from os.Open is not closed when returning at line 31`
	if err != nil {
		return nil, err
	}
	if fi, err := f.Stat(); err != nil || fi.Size() == 0 {
		return nil, errors.New("empty")
	}
	defer f.Close()
	return io.ReadAll(f)
}

func oneBranch(path string, keep bool) error {
	f, err := os.Create(path) // want `file from os.Create is not closed when returning at line 46`
	if err != nil {
		return err
	}
	if !keep {
		return f.Close()
	}
	fmt.Fprintln(f, "kept")
	return nil
}

func perIterationOverwrite(paths []string) int {
	n := 0
	for _, p := range paths {
		f, err := os.Open(p) // want `file from os.Open is not closed before the next loop iteration acquires another`
		if err != nil {
			continue
		}
		fi, _ := f.Stat()
		n += int(fi.Size())
	}
	return n
}

func deferInLoop(paths []string) (int, error) {
	total := 0
	for _, p := range paths {
		f, err := os.Open(p) // returns right after the loop: see heldover.go
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
	return total, nil
}

func dialNoClose(addr string) error {
	conn, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line 85`
	if err != nil {
		return err
	}
	if _, err := conn.Write([]byte("PING\n")); err != nil {
		return err
	}
	return conn.Close()
}

func listenerLeak(addr string) (string, error) {
	ln, err := net.Listen("tcp", addr) // want `listener from net.Listen is not closed when returning at line 95`
	if err != nil {
		return "", err
	}
	return ln.Addr().String(), nil
}

func gzipNotClosed(w io.Writer, data []byte) error {
	zw := gzip.NewWriter(w) // want `gzip writer from gzip.NewWriter is not closed \(its buffered data and trailer are lost\) when returning at line 101`
	_, err := zw.Write(data)
	return err
}

func zombie(name string) error {
	cmd := exec.Command(name)
	return cmd.Start() // want `process from cmd.Start is never waited for \(it stays a zombie\) when returning at line 106`
}

func sessionOnlyOnSuccess(addr string) (*helpers.Session, error) {
	conn, err := net.Dial("tcp", addr) // want `connection from net.Dial is not closed when returning at line 116`
	if err != nil {
		return nil, err
	}
	s, err := helpers.NewSession(conn)
	if err != nil {
		return nil, err
	}
	return s, nil
}

func wrapperNeverClosed(addr string) error {
	s, err := sessionOnlyOnSuccessFixed(addr) // want `\*helpers.Session from sessionOnlyOnSuccessFixed is not closed when returning at line 127`
	if err != nil {
		return err
	}
	fmt.Println(s)
	return nil
}

// The rest must not be reported.

func sessionOnlyOnSuccessFixed(addr string) (*helpers.Session, error) {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return nil, err
	}
	s, err := helpers.NewSession(conn)
	if err != nil {
		conn.Close()
		return nil, err
	}
	return s, nil
}

func deferredClose(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

func returnedFile(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	return f, nil
}

type logFile struct {
	f *os.File
	w *bufio.Writer
}

func (l *logFile) Close() error {
	l.w.Flush()
	return l.f.Close()
}

func storedInStruct(path string) (*logFile, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &logFile{f: f, w: bufio.NewWriter(f)}, nil
}

func sentOnChannel(addr string, out chan<- net.Conn) error {
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	out <- conn
	return nil
}

func serveConn(conn net.Conn) {
	defer conn.Close()
	io.Copy(conn, conn)
}

func acceptLoop(ln net.Listener) error {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		go serveConn(conn)
	}
}

func otherPackageHelper(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer helpers.CloseAll(f)
	return nil
}

func stdoutNotOwned(path string) error {
	out := os.Stdout
	if path != "-" {
		f, err := os.Create(path)
		if err != nil {
			return err
		}
		out = f
	}
	fmt.Fprintln(out, "report")
	if out != os.Stdout {
		return out.Close()
	}
	return nil
}

func borrowedDescriptor(fd uintptr) error {
	f := os.NewFile(fd, "inherited")
	_, err := f.Write([]byte("x"))
	return err
}

func runWaits(name string) ([]byte, error) {
	if err := exec.Command(name, "--version").Run(); err != nil {
		return nil, err
	}
	return exec.Command(name).Output()
}

func startThenWait(name string) error {
	cmd := exec.Command(name)
	cmd.Stdin = strings.NewReader("input")
	if err := cmd.Start(); err != nil {
		return err
	}
	return cmd.Wait()
}

func gzipClosed(w io.Writer, data []byte) error {
	zw := gzip.NewWriter(w)
	if _, err := zw.Write(data); err != nil {
		zw.Close()
		return err
	}
	return zw.Close()
}

func nilOnError(path string) error {
	f, err := os.Open(path)
	if f != nil {
		defer f.Close()
	}
	return err
}

func goroutineOwns(path string, done chan<- error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	go func() {
		defer f.Close()
		_, err := io.Copy(io.Discard, f)
		done <- err
	}()
	return nil
}

func wrapperClosed(addr string) error {
	s, err := sessionOnlyOnSuccessFixed(addr)
	if err != nil {
		return err
	}
	defer s.Close()
	return nil
}

func suppressed(path string) *bufio.Reader {
	f, _ := os.Open(path) //nolint:closecheck // the process exits after reading
	return bufio.NewReader(f)
}

// The process lives in a field; the struct's Stop waits for it.
type worker struct{ proc *exec.Cmd }

func (w *worker) Start() error { return w.proc.Start() }

func (w *worker) Stop() error { return w.proc.Wait() }

// A second open in a branch, its error kept in a variable that a deferred
// closure captures: after the branch, `err != nil` still means this open
// failed, since no other assignment of err comes between them.
func retriedOpenErrCapturedChecked(name string, mkdir func() error) error {
	f, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if errors.Is(err, os.ErrNotExist) {
		if merr := mkdir(); merr == nil {
			f, err = os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
		}
	}
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(nil); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// The same, but err is set again on one path between the second open and
// the check: there `err != nil` says nothing about the open, whose file
// is dropped.
func retriedOpenErrCapturedOverwritten(name string, mkdir func() error) error {
	f, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if errors.Is(err, os.ErrNotExist) {
		if merr := mkdir(); merr == nil {
			f, err = os.OpenFile(name, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600) // want `file from os.OpenFile is not closed when returning at line 341`
			if name == "" {
				err = errors.New("no name")
			}
		}
	}
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.Remove(f.Name())
		}
	}()
	if _, err = f.Write(nil); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
