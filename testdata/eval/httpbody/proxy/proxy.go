package proxy

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httputil"
	"strconv"
	"sync"
)

// ServeHTTP forwards r to the upstream and copies the answer back.
func (g *Gateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	resp, err := g.transport.RoundTrip(g.outgoing(r))
	if err != nil {
		http.Error(w, "upstream unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	copyHeader(w.Header(), resp.Header)
	w.WriteHeader(resp.StatusCode)
	if _, err := io.Copy(w, resp.Body); err != nil {
		log.Printf("proxy: copying answer: %v", err)
	}
}

// Forward is ServeHTTP with circuit breaking: an upstream that answers
// 502 or 503 is marked down and the client gets a short answer.
func (g *Gateway) Forward(w http.ResponseWriter, r *http.Request) {
	resp, err := g.transport.RoundTrip(g.outgoing(r)) // eval:leak httpbody
	if err != nil {
		g.down.Store(true)
		http.Error(w, "upstream unavailable", http.StatusBadGateway)
		return
	}
	if resp.StatusCode == http.StatusBadGateway || resp.StatusCode == http.StatusServiceUnavailable {
		g.down.Store(true)
		http.Error(w, "upstream unavailable", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	g.down.Store(false)
	copyHeader(w.Header(), resp.Header)
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

// ReverseProxy returns a standard reverse proxy that strips the internal
// debug field from JSON answers.
func (g *Gateway) ReverseProxy() *httputil.ReverseProxy {
	rp := httputil.NewSingleHostReverseProxy(g.upstream)
	rp.ModifyResponse = func(resp *http.Response) error {
		if resp.Header.Get("Content-Type") != "application/json" {
			return nil
		}
		data, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			return err
		}
		var doc map[string]any
		if json.Unmarshal(data, &doc) == nil {
			delete(doc, "_debug")
			data, _ = json.Marshal(doc)
		}
		resp.Body = io.NopCloser(bytes.NewReader(data))
		resp.ContentLength = int64(len(data))
		resp.Header.Set("Content-Length", strconv.Itoa(len(data)))
		return nil
	}
	return rp
}

// Authorize asks the auth service whether r may pass and copies the
// identity headers it returns onto r.
func (g *Gateway) Authorize(r *http.Request) (bool, error) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, g.authURL, nil)
	if err != nil {
		return false, err
	}
	req.Header.Set("Authorization", r.Header.Get("Authorization"))
	resp, err := g.hc.Do(req)
	if err != nil {
		return false, err
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return false, nil
	}
	r.Header.Set("X-User-ID", resp.Header.Get("X-User-ID"))
	return true, nil
}

// ForwardAuth is the middleware form of Authorize used on the admin
// routes.
func (g *Gateway) ForwardAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, g.authURL+"/admin", nil)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		req.Header.Set("Cookie", r.Header.Get("Cookie"))
		resp, err := g.hc.Do(req) // eval:leak httpbody
		if err != nil {
			http.Error(w, "auth unavailable", http.StatusBadGateway)
			return
		}
		if resp.StatusCode == http.StatusOK {
			r.Header.Set("X-Admin", resp.Header.Get("X-Admin"))
			next.ServeHTTP(w, r)
			return
		}
		resp.Body.Close()
		http.Error(w, "forbidden", http.StatusForbidden)
	})
}

// Dashboard merges the profile and the notifications of the user into one
// answer.
func (g *Gateway) Dashboard(w http.ResponseWriter, r *http.Request) {
	user := r.Header.Get("X-User-ID")
	profile, err := g.hc.Get(g.upstream.String() + "/profiles/" + user) // eval:leak httpbody
	if err != nil {
		http.Error(w, "profile unavailable", http.StatusBadGateway)
		return
	}
	notes, err := g.hc.Get(g.upstream.String() + "/notifications/" + user)
	if err != nil {
		http.Error(w, "notifications unavailable", http.StatusBadGateway)
		return
	}
	defer profile.Body.Close()
	defer notes.Body.Close()
	var out struct {
		Profile       json.RawMessage `json:"profile"`
		Notifications json.RawMessage `json:"notifications"`
	}
	_ = json.NewDecoder(profile.Body).Decode(&out.Profile)
	_ = json.NewDecoder(notes.Body).Decode(&out.Notifications)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(out)
}

// Summary fetches the parts of the summary page concurrently.
func (g *Gateway) Summary(ctx context.Context, user string) (map[string]json.RawMessage, error) {
	parts := []string{"profile", "billing", "usage"}
	out := make(map[string]json.RawMessage, len(parts))
	var (
		mu       sync.Mutex
		wg       sync.WaitGroup
		firstErr error
	)
	for _, part := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("%s/%s/%s", g.upstream, part, user), nil)
			resp, err := g.hc.Do(req)
			if err == nil {
				defer resp.Body.Close()
			}
			var raw json.RawMessage
			if err == nil {
				err = json.NewDecoder(resp.Body).Decode(&raw)
			}
			mu.Lock()
			defer mu.Unlock()
			if err != nil && firstErr == nil {
				firstErr = fmt.Errorf("%s: %w", part, err)
			}
			out[part] = raw
		}()
	}
	wg.Wait()
	return out, firstErr
}

// Events relays the upstream's server-sent events to the client until
// either side goes away.
func (g *Gateway) Events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	resp, err := g.transport.RoundTrip(g.outgoing(r))
	if err != nil {
		http.Error(w, "upstream unavailable", http.StatusBadGateway)
		return
	}
	go func() {
		<-r.Context().Done()
		resp.Body.Close()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(resp.StatusCode)
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		fmt.Fprintf(w, "%s\n", sc.Text())
		flusher.Flush()
	}
}

// Mirror sends a copy of the request to the shadow upstream and drops its
// answer.
func (g *Gateway) Mirror(r *http.Request, body []byte, shadow string) {
	req, err := http.NewRequestWithContext(context.WithoutCancel(r.Context()), r.Method, shadow+r.URL.RequestURI(), bytes.NewReader(body))
	if err != nil {
		return
	}
	req.Header = r.Header.Clone()
	go func() {
		resp, err := g.hc.Do(req)
		if err != nil {
			log.Printf("mirror: %v", err)
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}()
}
