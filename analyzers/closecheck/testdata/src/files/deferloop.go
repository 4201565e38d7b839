package files

import (
	"io"
	"net"
	"sync"
)

func drain(c net.Conn, wg *sync.WaitGroup) {
	defer wg.Done()
	io.Copy(io.Discard, c)
}

// Each connection is handed to a goroutine that drains it for as long as
// the function runs: the defer closes them all when it is done.
func subscribers(addr string, n int) error {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			return err
		}
		defer c.Close()
		wg.Add(1)
		go drain(c, &wg)
	}
	wg.Wait()
	return nil
}

// The same with the goroutine's literal capturing the connection.
func subscribersLiteral(addr string, n int) error {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			return err
		}
		defer c.Close()
		wg.Add(1)
		go func() {
			defer wg.Done()
			io.Copy(io.Discard, c)
		}()
	}
	wg.Wait()
	return nil
}

// The goroutine does not use the connection: each one is done with when
// its iteration ends, and stays open until the function returns.
func probes(addr string, n int, seen func(int)) error {
	for i := 0; i < n; i++ {
		c, err := net.Dial("tcp", addr) // want `connection from net.Dial is released by a defer inside the loop: every iteration's connection stays open until the function returns`
		if err != nil {
			return err
		}
		defer c.Close()
		if _, err := c.Write([]byte("ping")); err != nil {
			return err
		}
		go seen(i)
	}
	return nil
}
