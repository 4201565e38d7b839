package transports

import (
	"io"
	"net/http"
	"testing"
)

// newClient registers the transport's Close with the test.
func newClient(t *testing.T) *http.Client {
	tr := &Transport{base: http.DefaultTransport}
	t.Cleanup(func() { tr.Close() })
	return &http.Client{Transport: tr}
}

// newClientNoCleanup closes nothing.
func newClientNoCleanup(t *testing.T) *http.Client {
	tr := &Transport{base: http.DefaultTransport}
	return &http.Client{Transport: tr}
}

func TestHelperRegistersClose(t *testing.T) {
	resp, err := newClient(t).Get("http://localhost/")
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
}

func TestHelperClient(t *testing.T) {
	cl := newClient(t)
	resp, err := cl.Get("http://localhost/")
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
}

func TestHelperWithoutCleanup(t *testing.T) {
	resp, err := newClientNoCleanup(t).Get("http://localhost/") // want `response body from newClientNoCleanup\(t\).Get is not closed when returning at line \d+`
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
}

func TestDeferredTransportClose(t *testing.T) {
	cl := http.Client{Transport: &Transport{base: http.DefaultTransport}}
	defer cl.Transport.(io.Closer).Close()
	resp, err := cl.Get("http://localhost/")
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
}

func TestCleanupTransportClose(t *testing.T) {
	tr := &Transport{base: http.DefaultTransport}
	t.Cleanup(func() { tr.Close() })
	cl := &http.Client{Transport: tr}
	resp, err := cl.Get("http://localhost/")
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
}

// Closing only idle connections releases nothing in use.
func TestCloseIdleOnly(t *testing.T) {
	tr := &http.Transport{}
	defer tr.CloseIdleConnections()
	cl := &http.Client{Transport: tr}
	resp, err := cl.Get("http://localhost/") // want `response body from cl.Get is not closed when returning at line \d+`
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
}

// A cleanup that closes another transport leaves this one's body open.
func TestCleanupOtherTransport(t *testing.T) {
	other := &Transport{base: http.DefaultTransport}
	t.Cleanup(func() { other.Close() })
	cl := &http.Client{Transport: &Transport{base: http.DefaultTransport}}
	resp, err := cl.Get("http://localhost/") // want `response body from cl.Get is not closed when returning at line \d+`
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
}
