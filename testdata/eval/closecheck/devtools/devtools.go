package devtools

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// FreePort returns a TCP port that is free right now.
func FreePort() (int, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0") // eval:leak closecheck
	if err != nil {
		return 0, err
	}
	return ln.Addr().(*net.TCPAddr).Port, nil
}

// FreePorts returns n distinct free ports, holding each listener until all
// are chosen so that none is returned twice.
func FreePorts(n int) ([]int, error) {
	var lns []net.Listener
	defer func() {
		for _, ln := range lns {
			ln.Close()
		}
	}()
	ports := make([]int, 0, n)
	for range n {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		lns = append(lns, ln)
		ports = append(ports, ln.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}

// CheckPidFile returns ErrRunning when the pid file names a live process.
func CheckPidFile(path string) error {
	f, err := os.Open(path) // eval:leak closecheck
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return err
	}
	var pid int
	if _, err := fmt.Fscan(f, &pid); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if syscall.Kill(pid, 0) == nil {
		return fmt.Errorf("pid %d: %w", pid, ErrRunning)
	}
	return f.Close()
}

// WritePidFile writes the current process's pid, refusing to overwrite
// another instance's file.
func WritePidFile(path string) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	if _, err := fmt.Fprintf(f, "%d\n", os.Getpid()); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}

// ScratchSize writes data to a scratch file and reports how much space it
// takes on disk.
func ScratchSize(data []byte) (int64, error) {
	tmp, err := os.CreateTemp("", "scratch-*") // eval:leak closecheck
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		return 0, err
	}
	st, err := tmp.Stat()
	if err != nil {
		return 0, err
	}
	return st.Sys().(*syscall.Stat_t).Blocks * 512, nil
}

// Lines returns a scanner over the lines of a file.
func Lines(path string) (*bufio.Scanner, error) {
	f, err := os.Open(path) // eval:leak closecheck
	if err != nil {
		return nil, err
	}
	return bufio.NewScanner(f), nil
}

// Uptimes asks every host for its uptime over ssh; hosts that do not
// answer are left out.
func Uptimes(hosts []string) map[string]string {
	out := map[string]string{}
	for _, host := range hosts {
		cmd := exec.Command("ssh", "-o", "BatchMode=yes", host, "uptime")
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			continue
		}
		if err := cmd.Start(); err != nil { // eval:leak closecheck
			continue
		}
		line, err := bufio.NewReader(stdout).ReadString('\n')
		if err != nil {
			continue
		}
		if err := cmd.Wait(); err != nil {
			continue
		}
		out[host] = strings.TrimSpace(line)
	}
	return out
}

// Load returns the one-minute load of host over ssh.
func Load(host string) (float64, error) {
	out, err := exec.Command("ssh", "-o", "BatchMode=yes", host, "cat /proc/loadavg").Output()
	if err != nil {
		return 0, err
	}
	f := strings.Fields(string(out))
	if len(f) == 0 {
		return 0, fmt.Errorf("%s: empty loadavg", host)
	}
	return strconv.ParseFloat(f[0], 64)
}

// ClockSkew asks an NTP server for the time and returns how far the local
// clock is off.
func ClockSkew(server string) (time.Duration, error) {
	raddr, err := net.ResolveUDPAddr("udp", server)
	if err != nil {
		return 0, err
	}
	conn, err := net.DialUDP("udp", nil, raddr) // eval:leak closecheck
	if err != nil {
		return 0, err
	}
	conn.SetDeadline(time.Now().Add(3 * time.Second))
	req := make([]byte, 48)
	req[0] = 0x1b
	if _, err := conn.Write(req); err != nil {
		conn.Close()
		return 0, err
	}
	resp := make([]byte, 48)
	if _, err := io.ReadFull(conn, resp); err != nil {
		return 0, fmt.Errorf("ntp %s: %w", server, err)
	}
	conn.Close()
	return time.Until(ntpTime(resp)), nil
}

// ReachableUDP sends a probe to a UDP service and waits for any answer.
func ReachableUDP(addr string, probe []byte) bool {
	conn, err := net.DialTimeout("udp", addr, time.Second)
	if err != nil {
		return false
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(time.Second))
	if _, err := conn.Write(probe); err != nil {
		return false
	}
	buf := make([]byte, 512)
	_, err = conn.Read(buf)
	return err == nil
}
