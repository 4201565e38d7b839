package production

import (
	"net/http"

	"github.com/coder/websocket"
)

// websocketDial: the handshake response of coder/websocket's Dial need
// not be closed (documented); the connection owns the body.
func websocketDial(c *http.Client) *websocket.Conn {
	conn, _, _ := websocket.Dial(c, "ws://example.com")
	return conn
}

// websocketHandshake: a function of the same shape without that contract
// still hands over an owned response.
func websocketHandshake(c *http.Client) *websocket.Conn {
	conn, _, _ := websocket.Handshake(c, "ws://example.com") // want `result of websocket.Handshake is discarded: its response body is never closed`
	return conn
}
