package processes

import (
	"os"
	"syscall"
)

func signalledNeverReleased(pid int) error {
	p, err := os.FindProcess(pid) // want `process handle from os.FindProcess is neither released nor waited for \(it holds a pidfd\) when returning at line 13`
	if err != nil {
		return err
	}
	return p.Signal(syscall.SIGTERM)
}

func signalledAndReleased(pid int) error {
	p, err := os.FindProcess(pid)
	if err != nil {
		return err
	}
	defer p.Release()
	return p.Signal(syscall.SIGTERM)
}

func killedAndWaited(pid int) error {
	p, err := os.FindProcess(pid)
	if err != nil {
		return err
	}
	if err := p.Kill(); err != nil {
		p.Release()
		return err
	}
	_, err = p.Wait()
	return err
}

func startedNeverWaited(argv []string) error {
	p, err := os.StartProcess(argv[0], argv, &os.ProcAttr{}) // want `process handle from os.StartProcess is neither released nor waited for \(it holds a pidfd\) when returning at line 43`
	if err != nil {
		return err
	}
	return p.Signal(os.Interrupt)
}

func findAndReturn(pid int) (*os.Process, error) {
	return os.FindProcess(pid)
}
