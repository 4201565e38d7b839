package leakproof

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"testing"
	"time"

	"github.com/leakvet/leakvet/testdata/demo/apiclient"
	"github.com/leakvet/leakvet/testdata/demo/export"
	"github.com/leakvet/leakvet/testdata/demo/handlers"
	"github.com/leakvet/leakvet/testdata/demo/store"
	"github.com/leakvet/leakvet/testdata/demo/worker"
)

// TestDemoService runs the demo as the service it claims to be, on its
// happy paths, so the leak tests above exercise working code and not a
// strawman.
func TestDemoService(t *testing.T) {
	truePath, err := exec.LookPath("true")
	if err != nil {
		t.Skip("no true(1) on PATH")
	}
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/customers/c-1":
			json.NewEncoder(w).Encode(apiclient.Customer{ID: "c-1", Name: "Ada"})
		case "/products/sku-1":
			json.NewEncoder(w).Encode(apiclient.Product{SKU: "sku-1", Name: "Widget", PriceCents: 250})
		default:
			http.NotFound(w, r)
		}
	}))
	defer api.Close()
	tp := &http.Transport{}
	defer tp.CloseIdleConnections()

	// The worker writes while requests do: a busy timeout lets SQLite
	// writers queue instead of failing, as in any service on SQLite.
	db, st := openStoreDSN(t, 4, "?_pragma=busy_timeout(5000)")
	mustExec(t, db, `INSERT INTO products (sku, price_cents, stock) VALUES ('sku-1', 250, 10)`)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := worker.New(worker.Config{
		Screen:  func(int64) (bool, error) { return true, nil },
		Carrier: func(int64) (string, error) { return "TRACK-1", nil },
		Mark:    st.SetStatus,
	})
	ran := make(chan error, 1)
	go func() { ran <- w.Run(ctx) }()
	ex := &export.Exporter{Dir: t.TempDir(), UploadCmd: []string{truePath}}
	srv := httptest.NewServer(handlers.New(apiclient.New(api.URL, &http.Client{Transport: tp}), st, ex, w))
	defer srv.Close()

	call := func(method, path string, body any, want int, out any) {
		t.Helper()
		var buf bytes.Buffer
		if body != nil {
			json.NewEncoder(&buf).Encode(body)
		}
		req, err := http.NewRequest(method, srv.URL+path, &buf)
		if err != nil {
			t.Fatal(err)
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != want {
			t.Fatalf("%s %s: %s, want %d", method, path, resp.Status, want)
		}
		if out != nil {
			if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
				t.Fatalf("%s %s: %v", method, path, err)
			}
		}
	}

	var cu apiclient.Customer
	call("GET", "/customers/c-1", nil, http.StatusOK, &cu)
	call("GET", "/customers/c-404", nil, http.StatusNotFound, nil)
	var p apiclient.Product
	call("GET", "/products/sku-1", nil, http.StatusOK, &p)
	call("GET", "/products/sku-1", nil, http.StatusOK, &p) // from the cache
	if cu.Name != "Ada" || p.PriceCents != 250 {
		t.Fatalf("customer %+v, product %+v", cu, p)
	}

	var placed struct{ ID int64 }
	call("POST", "/orders", map[string]any{"customer_id": "c-1", "items": []store.Item{{SKU: "sku-1", Quantity: 2, PriceCents: 250}}}, http.StatusCreated, &placed)
	call("POST", "/orders/1/items", []store.Item{{SKU: "sku-1", Quantity: 1, PriceCents: 250}}, http.StatusNoContent, nil)
	call("PUT", "/catalog/prices", map[string]int64{"sku-1": 300}, http.StatusNoContent, nil)
	call("PUT", "/catalog/stock", map[string]int64{"sku-1": 50}, http.StatusNoContent, nil)

	// The worker ships the order in the background.
	var orders []store.Order
	shipped := eventually(t, 5*time.Second, func() bool {
		call("GET", "/customers/c-1/orders", nil, http.StatusOK, &orders)
		return len(orders) == 1 && orders[0].Status == "shipped"
	})
	if !shipped || orders[0].ID != placed.ID || orders[0].TotalCents != 750 {
		t.Fatalf("orders of c-1: %+v, want order %d shipped with total 750", orders, placed.ID)
	}

	var exported struct{ Orders int }
	call("POST", "/exports/june?status=shipped", nil, http.StatusCreated, &exported)
	var imported []store.Order
	call("POST", "/imports/june", nil, http.StatusOK, &imported)
	if exported.Orders != 1 || len(imported) != 1 || imported[0] != orders[0] {
		t.Fatalf("exported %d orders, imported %+v, want %+v", exported.Orders, imported, orders[0])
	}

	cancel()
	if err := <-ran; err != context.Canceled {
		t.Fatalf("worker stopped with %v", err)
	}
}
