// Package handlers is the orders service's HTTP API. It wires the API
// client, the store, the exporter, the fulfilment worker and the caches
// together.
package handlers

import (
	"encoding/json"
	"errors"
	"log"
	"net/http"
	"strconv"
	"time"

	"github.com/leakvet/leakvet/testdata/demo/apiclient"
	"github.com/leakvet/leakvet/testdata/demo/cache"
	"github.com/leakvet/leakvet/testdata/demo/export"
	"github.com/leakvet/leakvet/testdata/demo/store"
	"github.com/leakvet/leakvet/testdata/demo/worker"
)

// Server is an http.Handler. The caller runs Worker.Run next to it.
type Server struct {
	API     *apiclient.Client
	Store   *store.Store
	Exports *export.Exporter
	Worker  *worker.Fulfiller
	mux     *http.ServeMux
}

// New returns the service's handler.
func New(api *apiclient.Client, st *store.Store, ex *export.Exporter, w *worker.Fulfiller) *Server {
	s := &Server{API: api, Store: st, Exports: ex, Worker: w, mux: http.NewServeMux()}
	s.mux.HandleFunc("GET /customers/{id}", s.customer)
	s.mux.HandleFunc("GET /customers/{id}/orders", s.customerOrders)
	s.mux.HandleFunc("GET /products/{sku}", s.product)
	s.mux.HandleFunc("GET /orders", s.ordersByStatus)
	s.mux.HandleFunc("POST /orders", s.placeOrder)
	s.mux.HandleFunc("POST /orders/{id}/items", s.addItems)
	s.mux.HandleFunc("PUT /orders/{id}/status", s.setStatus)
	s.mux.HandleFunc("PUT /catalog/prices", s.importPrices)
	s.mux.HandleFunc("PUT /catalog/stock", s.importStock)
	s.mux.HandleFunc("POST /exports/{name}", s.export)
	s.mux.HandleFunc("POST /imports/{name}", s.importExport)
	return s
}

func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

func (s *Server) customer(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	cache.MarkSeen(id, time.Now())
	c, err := s.API.Customer(r.Context(), id)
	if err != nil {
		upstreamError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, c)
}

func (s *Server) customerOrders(w http.ResponseWriter, r *http.Request) {
	orders, err := s.Store.OrdersByCustomer(r.Context(), r.PathValue("id"))
	respond(w, orders, err)
}

func (s *Server) product(w http.ResponseWriter, r *http.Request) {
	sku := r.PathValue("sku")
	body, ok := cache.Product(sku)
	if !ok {
		p, err := s.API.Product(r.Context(), sku)
		if err != nil {
			upstreamError(w, err)
			return
		}
		if body, err = json.Marshal(p); err != nil {
			internalError(w, err)
			return
		}
		cache.StoreProduct(sku, body)
	}
	w.Header().Set("Content-Type", "application/json")
	w.Write(body)
}

func (s *Server) ordersByStatus(w http.ResponseWriter, r *http.Request) {
	orders, err := s.Store.OrdersByStatus(r.Context(), r.URL.Query().Get("status"))
	respond(w, orders, err)
}

func (s *Server) placeOrder(w http.ResponseWriter, r *http.Request) {
	var req struct {
		CustomerID string       `json:"customer_id"`
		Items      []store.Item `json:"items"`
	}
	if !readJSON(w, r, &req) {
		return
	}
	id, err := s.Store.PlaceOrder(r.Context(), req.CustomerID, req.Items)
	if err != nil {
		internalError(w, err)
		return
	}
	sold := make(map[string]int, len(req.Items))
	for _, it := range req.Items {
		sold[it.SKU] -= it.Quantity
	}
	if err := s.Store.AdjustStock(r.Context(), sold); err != nil {
		internalError(w, err)
		return
	}
	if err := s.Worker.Enqueue(r.Context(), id); err != nil {
		internalError(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]int64{"id": id})
}

func (s *Server) addItems(w http.ResponseWriter, r *http.Request) {
	id, ok := orderID(w, r)
	var items []store.Item
	if !ok || !readJSON(w, r, &items) {
		return
	}
	noContent(w, s.Store.AddItems(r.Context(), id, items))
}

func (s *Server) setStatus(w http.ResponseWriter, r *http.Request) {
	id, ok := orderID(w, r)
	var req struct {
		Status string `json:"status"`
	}
	if !ok || !readJSON(w, r, &req) {
		return
	}
	noContent(w, s.Store.SetStatus(r.Context(), id, req.Status))
}

func (s *Server) importPrices(w http.ResponseWriter, r *http.Request) {
	var prices map[string]int64
	if !readJSON(w, r, &prices) {
		return
	}
	noContent(w, s.Store.ImportPrices(r.Context(), prices))
}

func (s *Server) importStock(w http.ResponseWriter, r *http.Request) {
	var levels map[string]int64
	if !readJSON(w, r, &levels) {
		return
	}
	noContent(w, s.Store.ImportStock(r.Context(), levels))
}

func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	orders, err := s.Store.OrdersByStatus(r.Context(), r.URL.Query().Get("status"))
	if err != nil {
		internalError(w, err)
		return
	}
	path, err := s.Exports.Export(r.Context(), r.PathValue("name"), orders)
	if err != nil {
		internalError(w, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"path": path, "orders": len(orders)})
}

func (s *Server) importExport(w http.ResponseWriter, r *http.Request) {
	orders, err := s.Exports.Import(r.PathValue("name"))
	respond(w, orders, err)
}

// respond answers v as JSON, or 500 if err is set.
func respond(w http.ResponseWriter, v any, err error) {
	if err != nil {
		internalError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, v)
}

// noContent answers 204, or 500 if err is set.
func noContent(w http.ResponseWriter, err error) {
	if err != nil {
		internalError(w, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func orderID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		http.Error(w, "bad order id", http.StatusBadRequest)
		return 0, false
	}
	return id, true
}

func readJSON(w http.ResponseWriter, r *http.Request, v any) bool {
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(v); err != nil {
		http.Error(w, "bad request body: "+err.Error(), http.StatusBadRequest)
		return false
	}
	return true
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		log.Printf("write response: %v", err)
	}
}

func upstreamError(w http.ResponseWriter, err error) {
	if se, ok := errors.AsType[*apiclient.StatusError](err); ok && se.Code == http.StatusNotFound {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	log.Printf("upstream: %v", err)
	http.Error(w, "upstream unavailable", http.StatusBadGateway)
}

func internalError(w http.ResponseWriter, err error) {
	log.Printf("internal: %v", err)
	http.Error(w, "internal error", http.StatusInternalServerError)
}
