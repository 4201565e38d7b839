package nobody

import (
	"fmt"
	"net/http"
	"net/http/httptest"
)

// routedHandler answers /items with a status only and /names with a body.
func routedHandler(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/items":
		w.WriteHeader(http.StatusCreated)
	case "/names":
		fmt.Fprint(w, "a, b")
	default:
		http.NotFound(w, r)
	}
}

// routeWithoutBody: the request's constant path reaches the route that
// writes no body.
func routeWithoutBody() (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(routedHandler))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/items?page=2")
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// routeWithBody: the same handler, a path that reaches the route with a
// body.
func routeWithBody() (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(routedHandler))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/names") // want `response body from http.Get is not closed when returning at line 42`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// routeUnknown: a path built at run time may reach any route.
func routeUnknown(item string) (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(routedHandler))
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/" + item) // want `response body from http.Get is not closed when returning at line 53`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// methodRoutes answers a DELETE with a status only, anything else with a
// body.
func methodRoutes(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodDelete {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	fmt.Fprint(w, "gone")
}

// deleteRoute: the request's constant method takes the branch without a
// body.
func deleteRoute() (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(methodRoutes))
	defer srv.Close()
	req, err := http.NewRequest(http.MethodDelete, srv.URL+"/x", nil)
	if err != nil {
		return 0, err
	}
	resp, err := srv.Client().Do(req)
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// postRoute: the same handler, a POST takes the branch with a body.
func postRoute() (int, error) {
	srv := httptest.NewServer(http.HandlerFunc(methodRoutes))
	defer srv.Close()
	req, err := http.NewRequest(http.MethodPost, srv.URL+"/x", nil)
	if err != nil {
		return 0, err
	}
	resp, err := srv.Client().Do(req) // want `response body from srv.Client\(\).Do is not closed when returning at line 94`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// muxRoute: a ServeMux made here sends the request's constant path to a
// handler that writes no body; the other route's body is not this
// request's.
func muxRoute() (int, error) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ping", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/report", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "report")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/ping")
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// muxRouteWithBody: the same mux, the route with a body.
func muxRouteWithBody() (int, error) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ping", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("/report", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "report")
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/report") // want `response body from http.Get is not closed when returning at line 132`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// muxNotFound: no pattern matches, and the mux's own 404 has a body.
func muxNotFound() (int, error) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ping", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/pong") // want `response body from http.Get is not closed when returning at line 147`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// muxMethodPattern: a method in the pattern; a POST is answered 405
// with a body by the mux itself, a GET by the quiet route.
func muxMethodPattern() (int, int, error) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /ping", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	got, err := http.Get(srv.URL + "/ping")
	if err != nil {
		return 0, 0, err
	}
	posted, err := http.Post(srv.URL+"/ping", "text/plain", nil) // want `response body from http.Post is not closed when returning at line 167`
	if err != nil {
		return 0, 0, err
	}
	return got.StatusCode, posted.StatusCode, nil
}

// muxHandedOn: a mux given to a function out of sight may get more
// patterns.
func muxHandedOn(register func(*http.ServeMux)) (int, error) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ping", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	register(mux)
	srv := httptest.NewServer(mux)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/ping") // want `response body from http.Get is not closed when returning at line 184`
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}

// muxLateRoute: the quiet route is registered after the request, which
// the mux answers with its own 404 and a body.
func muxLateRoute() (int, error) {
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	resp, err := http.Get(srv.URL + "/ping") // want `response body from http.Get is not closed when returning at line 200`
	mux.HandleFunc("/ping", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	if err != nil {
		return 0, err
	}
	return resp.StatusCode, nil
}
