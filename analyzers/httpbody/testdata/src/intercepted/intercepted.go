// Package intercepted sends requests while an HTTP mocking library
// intercepts them: with interception on and networking off, its transport
// answers from the mocks in memory and the responses hold no connection.
// Where networking may be on, interception off, or the client's own
// transport back before the send, or where interception is not on on
// every path to it, the response is a real one.
package intercepted

import (
	"net/http"

	"github.com/h2non/gock"
)

// Quiet: answered by the mocks.

func mockedGet() int {
	defer gock.Off()
	gock.New("http://api.test/items").Reply(200)
	resp, err := http.Get("http://api.test/items")
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func mockedDefaultClient() int {
	gock.Intercept()
	gock.New("http://api.test/items").Reply(204)
	req, _ := http.NewRequest("GET", "http://api.test/items", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0
	}
	gock.Off() // after the send: the response was the mock's
	return resp.StatusCode
}

func mockedClient() int {
	defer gock.Off()
	gock.New("http://api.test/items").Reply(200)
	client := &http.Client{Transport: &http.Transport{}}
	gock.InterceptClient(client)
	req, _ := http.NewRequest("GET", "http://api.test/items", nil)
	resp, err := client.Do(req)
	gock.RestoreClient(client)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func mockedTransport() int {
	defer gock.Off()
	gock.New("http://api.test/items").Reply(200)
	req, _ := http.NewRequest("GET", "http://api.test/items", nil)
	resp, err := gock.NewTransport().RoundTrip(req)
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func mockedInLoop() int {
	defer gock.Off()
	gock.New("http://api.test/items").Reply(200)
	n := 0
	for i := 0; i < 3; i++ {
		resp, err := http.Get("http://api.test/items")
		if err != nil {
			break
		}
		n += resp.StatusCode
	}
	return n
}

// Reported: the request may reach the network.

func networkingOn() int {
	defer gock.Off()
	gock.EnableNetworking()
	defer gock.DisableNetworking()
	gock.New("http://127.0.0.1:8080/items").Reply(200)
	resp, err := http.Get("http://127.0.0.1:8080/items") // want `response body from http.Get is not closed when returning at line 89`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func mockNetworkingOn() int {
	defer gock.Off()
	gock.New("http://127.0.0.1:8080/items").EnableNetworking().Reply(200)
	resp, err := http.Get("http://127.0.0.1:8080/items") // want `response body from http.Get is not closed when returning at line 99`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func mockFieldNetworkingOn() int {
	defer gock.Off()
	gock.New("http://127.0.0.1:8080/items").Reply(200).UseNetwork = true
	resp, err := http.Get("http://127.0.0.1:8080/items") // want `response body from http.Get is not closed when returning at line 109`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func interceptionOff() int {
	gock.New("http://127.0.0.1:8080/items").Reply(200)
	gock.Disable()
	req, _ := http.NewRequest("GET", "http://127.0.0.1:8080/items", nil)
	resp, err := gock.NewTransport().RoundTrip(req) // want `response body from gock.NewTransport\(\).RoundTrip is not closed when returning at line 120`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func allowNetwork() {
	gock.EnableNetworking()
}

func networkingOnInHelper() int {
	defer gock.Off()
	gock.New("http://127.0.0.1:8080/items").Reply(200)
	allowNetwork()
	resp, err := http.Get("http://127.0.0.1:8080/items") // want `response body from http.Get is not closed when returning at line 135`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func interceptedOnOneBranch(mock bool) int {
	if mock {
		gock.New("http://127.0.0.1:8080/items").Reply(200)
	}
	resp, err := http.Get("http://127.0.0.1:8080/items") // want `response body from http.Get is not closed when returning at line 146`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func offLaterInLoop() int {
	gock.New("http://127.0.0.1:8080/items").Reply(200)
	n := 0
	for i := 0; i < 3; i++ {
		resp, err := http.Get("http://127.0.0.1:8080/items") // want `response body from http.Get is not closed before the next loop iteration acquires another`
		if err != nil {
			break
		}
		n += resp.StatusCode
		gock.Off()
	}
	return n
}

func clientNotIntercepted() int {
	defer gock.Off()
	gock.New("http://127.0.0.1:8080/items").Reply(200)
	client := &http.Client{Transport: &http.Transport{}}
	req, _ := http.NewRequest("GET", "http://127.0.0.1:8080/items", nil)
	resp, err := client.Do(req) // want `response body from client.Do is not closed when returning at line 172`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func clientRestoredBefore() int {
	defer gock.Off()
	gock.New("http://127.0.0.1:8080/items").Reply(200)
	client := &http.Client{Transport: &http.Transport{}}
	gock.InterceptClient(client)
	gock.RestoreClient(client)
	req, _ := http.NewRequest("GET", "http://127.0.0.1:8080/items", nil)
	resp, err := client.Do(req) // want `response body from client.Do is not closed when returning at line 186`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}

func defaultClientTransportReplaced() int {
	defer gock.Off()
	gock.New("http://127.0.0.1:8080/items").Reply(200)
	http.DefaultClient.Transport = &http.Transport{}
	resp, err := http.Get("http://127.0.0.1:8080/items") // want `response body from http.Get is not closed when returning at line 197`
	if err != nil {
		return 0
	}
	return resp.StatusCode
}
