// Package rpc is the small JSON request/response protocol the agents use
// to talk to the control plane over a long-lived connection.
package rpc

import (
	"encoding/json"
	"errors"
	"net"
	"sync"
)

// Request is one call.
type Request struct {
	ID     uint64          `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params,omitempty"`
}

// Response answers the Request with the same ID.
type Response struct {
	ID     uint64          `json:"id"`
	Result json.RawMessage `json:"result,omitempty"`
	Error  string          `json:"error,omitempty"`
}

// ErrClosed is returned by calls on a closed client.
var ErrClosed = errors.New("rpc: client closed")

// ErrTimeout is returned when the peer does not answer in time.
var ErrTimeout = errors.New("rpc: timed out")

// Client multiplexes calls over one connection.
type Client struct {
	conn    net.Conn
	enc     *json.Encoder
	wmu     sync.Mutex
	mu      sync.Mutex
	nextID  uint64
	pending map[uint64]chan *Response
	closed  chan struct{}
	once    sync.Once
	err     error
}

func (c *Client) register() (uint64, chan *Response) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.nextID++
	ch := make(chan *Response, 1)
	c.pending[c.nextID] = ch
	return c.nextID, ch
}

func (c *Client) forget(id uint64) {
	c.mu.Lock()
	delete(c.pending, id)
	c.mu.Unlock()
}

func (c *Client) write(req *Request) error {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	return c.enc.Encode(req)
}

// HandlerFunc serves one method.
type HandlerFunc func(params json.RawMessage) (any, error)

// Server dispatches requests to handlers by method.
type Server struct {
	mu       sync.RWMutex
	handlers map[string]HandlerFunc
}

// NewServer returns a Server with no methods.
func NewServer() *Server { return &Server{handlers: map[string]HandlerFunc{}} }

// Register adds a method.
func (s *Server) Register(method string, h HandlerFunc) {
	s.mu.Lock()
	s.handlers[method] = h
	s.mu.Unlock()
}

func (s *Server) dispatch(req *Request) *Response {
	s.mu.RLock()
	h, ok := s.handlers[req.Method]
	s.mu.RUnlock()
	resp := &Response{ID: req.ID}
	if !ok {
		resp.Error = "unknown method " + req.Method
		return resp
	}
	v, err := h(req.Params)
	if err != nil {
		resp.Error = err.Error()
		return resp
	}
	b, err := json.Marshal(v)
	if err != nil {
		resp.Error = err.Error()
		return resp
	}
	resp.Result = b
	return resp
}

// Close closes the connection; pending calls fail.
func (c *Client) Close() error {
	err := c.conn.Close()
	c.once.Do(func() { close(c.closed) })
	return err
}
