package api

import (
	"context"
	"crosspkg/store"
	"net/http"
	"time"
)

// Traffic reaches the store: reported at the call.
func Customer(w http.ResponseWriter, r *http.Request) {
	store.MarkSeen(r.PathValue("id"), time.Now()) // want `package-level map store.lastSeen grows without bound: Customer through store.MarkSeen writes it with keys from r.PathValue\("id"\) \(parameter r\) and nothing deletes from it`
	store.Grant(r.Header.Get("X-Token"))
}

// Registration at start-up with constants: silent.
func init() {
	store.AddHook("audit")
}

// A handler passing a constant name: silent.
func Health(w http.ResponseWriter, r *http.Request) {
	store.AddHook("health")
}

// A value computed with the operation's context is judged by its other
// operands: the context is no data. (A server's time zone, read at
// connection set-up: silent.)
type zoneSource interface {
	Zone(ctx context.Context) string
}

type Conn struct{ src zoneSource }

func (c *Conn) Hello(ctx context.Context) {
	store.MarkSeen(c.src.Zone(ctx), time.Now())
}
