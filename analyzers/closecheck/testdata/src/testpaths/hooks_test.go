package testpaths

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/require"
)

// The dial hook is called by net/http, out of sight: its failing return
// (the handshake with the test's own server failed) makes the request
// fail, and the test with it.
func TestDialHookHandshakeFails(t *testing.T) {
	client := &http.Client{Transport: &http.Transport{
		DialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := net.Dial(network, addr)
			if err != nil {
				return nil, err
			}
			tc := tls.Client(conn, &tls.Config{InsecureSkipVerify: true})
			if err := tc.HandshakeContext(ctx); err != nil {
				return nil, err
			}
			return tc, nil
		},
	}}
	resp, err := client.Get("https://127.0.0.1:8443/")
	require.NoError(t, err)
	resp.Body.Close()
}

// A hook that passes on the failure of a call of its own, a bool outcome
// here: the certificate pool could not be loaded, and the test fails.
func TestDialHookBadPool(t *testing.T) {
	pem, err := os.ReadFile("testdata/ca.pem")
	require.NoError(t, err)
	client := &http.Client{Transport: &http.Transport{
		DialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := net.Dial(network, addr)
			if err != nil {
				return nil, err
			}
			pool := x509.NewCertPool()
			if !pool.AppendCertsFromPEM(pem) {
				return nil, errors.New("no certificate in the CA file")
			}
			return tls.Client(conn, &tls.Config{RootCAs: pool}), nil
		},
	}}
	resp, err := client.Get("https://127.0.0.1:8443/")
	require.NoError(t, err)
	resp.Body.Close()
}

// A hook that fails the first attempts on purpose, on a condition of its
// own: the passing run takes that return, with the connection open.
func TestDialHookFailsFirstAttempts(t *testing.T) {
	var attempts atomic.Int32
	tr := &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := net.Dial(network, addr) // want `connection from net.Dial is not closed when returning at line \d+`
			if err != nil {
				return nil, err
			}
			if attempts.Add(1) < 3 {
				return nil, errors.New("not yet")
			}
			return conn, nil
		},
	}
	for i := 0; i < 3; i++ {
		if resp, err := (&http.Client{Transport: tr}).Get("http://127.0.0.1:8080/"); err == nil {
			resp.Body.Close()
		}
	}
}

// The same hook in a test that expects the request to fail: the passing
// run takes the leaking return.
func TestDialHookExpectedToFail(t *testing.T) {
	client := &http.Client{Transport: &http.Transport{
		DialTLSContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			conn, err := net.Dial(network, addr) // want `connection from net.Dial is not closed when returning at line \d+`
			if err != nil {
				return nil, err
			}
			tc := tls.Client(conn, &tls.Config{ServerName: "wrong.example"})
			if err := tc.HandshakeContext(ctx); err != nil {
				return nil, err
			}
			return tc, nil
		},
	}}
	if _, err := client.Get("https://127.0.0.1:8443/"); err == nil {
		t.Fatal("want a handshake error")
	}
}

// A table of cases whose error is wanted in some rows: a passing row can
// take the hook's failing return.
func TestDialHookWantErr(t *testing.T) {
	for _, tc := range []struct {
		name    string
		wantErr bool
	}{{"ok", false}, {"bad", true}} {
		tr := &http.Transport{
			DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
				conn, err := net.Dial(network, addr) // want `connection from net.Dial is not closed when returning at line \d+`
				if err != nil {
					return nil, err
				}
				if tc.wantErr {
					return nil, errors.New("refused")
				}
				return conn, nil
			},
		}
		_, err := (&http.Client{Transport: tr}).Get("http://127.0.0.1:8080/")
		if (err != nil) != tc.wantErr {
			t.Errorf("%s: err = %v", tc.name, err)
		}
	}
}

// A hook that leaks on its success path still leaks in a passing run.
func TestDialHookLeaksOnSuccess(t *testing.T) {
	tr := &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			probe, err := net.Dial(network, addr) // want `connection from net.Dial is not closed when returning at line \d+`
			if err != nil {
				return nil, err
			}
			_ = probe.LocalAddr()
			return net.Dial(network, addr)
		},
	}
	resp, err := (&http.Client{Transport: tr}).Get("http://127.0.0.1:8080/")
	require.NoError(t, err)
	resp.Body.Close()
}

// A walk function is called by filepath.WalkDir, which stops on its
// error and returns it: a failed Stat fails the walk and the test.
func TestWalkFuncFails(t *testing.T) {
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		if _, err := f.Seek(0, io.SeekEnd); err != nil {
			return err
		}
		return f.Close()
	})
	require.NoError(t, err)
}

// walkEach is a helper of the package: what it does with the function's
// error is in sight, and it drops it.
func walkEach(names []string, fn func(string) error) {
	for _, n := range names {
		_ = fn(n)
	}
}

func TestWalkEachDropsError(t *testing.T) {
	walkEach([]string{"a.txt"}, func(name string) error {
		f, err := os.Open(name) // want `file from os.Open is not closed when returning at line \d+`
		if err != nil {
			return err
		}
		if _, err := f.Seek(0, io.SeekEnd); err != nil {
			return err
		}
		return f.Close()
	})
}

// A function literal run by a go statement: its error is dropped.
func TestStartedLiteral(t *testing.T) {
	done := make(chan struct{})
	go func() error {
		defer close(done)
		f, err := os.Open("a.txt") // want `file from os.Open is not closed when returning at line \d+`
		if err != nil {
			return err
		}
		if _, err := f.Seek(0, io.SeekEnd); err != nil {
			return err
		}
		return f.Close()
	}()
	<-done
}

// dirFS is a file system of the tests: fs.ReadFile calls its Open through
// the fs.FS interface and returns its error.
type dirFS struct{ dir string }

func (d dirFS) Open(name string) (fs.File, error) {
	f, err := os.Open(filepath.Join(d.dir, name))
	if err != nil {
		return nil, err
	}
	if _, err := f.Seek(0, io.SeekEnd); err != nil {
		return nil, err
	}
	return f, nil
}

func TestReadThroughFS(t *testing.T) {
	data, err := fs.ReadFile(dirFS{"testdata"}, "in.txt")
	require.NoError(t, err)
	_ = data
}

// The same file system where a test expects Open to fail.
type strictFS struct{ dir string }

func (d strictFS) Open(name string) (fs.File, error) {
	f, err := os.Open(filepath.Join(d.dir, name)) // want `file from os.Open is not closed when returning at line \d+`
	if err != nil {
		return nil, err
	}
	if fi, err := f.Seek(0, io.SeekEnd); err != nil || fi < 0 {
		return nil, errors.New("not a regular file")
	}
	return f, nil
}

func TestStrictFSRejectsDirs(t *testing.T) {
	_, err := fs.ReadFile(strictFS{"testdata"}, ".")
	require.Error(t, err)
}
