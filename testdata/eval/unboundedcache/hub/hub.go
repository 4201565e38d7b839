package hub

import (
	"bufio"
	"net"
	"strings"
	"sync"
	"time"
)

var (
	// Connected clients; each removes itself when its connection ends.
	clients = map[*Client]struct{}{}

	// Room name to members. Members leave, but a room that empties stays
	// in the map, and users can create rooms with any name.
	rooms = map[string]map[*Client]bool{} // eval:leak unboundedcache

	// Connect time of each client, deleted on disconnect.
	connectedAt sync.Map

	// Disconnect causes counted by error text, which includes the remote
	// address of each connection.
	disconnects = map[string]int{} // eval:leak unboundedcache

	// Nickname to client. /nick adds an entry for every name a user
	// takes, and nothing removes the old name or the entry when the
	// client disconnects.
	nicknames = map[string]*Client{} // eval:leak unboundedcache

	// Read deadline applied to every connection.
	idleTimeout = 5 * time.Minute
)

// Serve accepts connections until ln fails.
func Serve(ln net.Listener) error {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return err
		}
		go handle(conn)
	}
}

func handle(conn net.Conn) {
	c := newClient(conn)
	mu.Lock()
	clients[c] = struct{}{}
	mu.Unlock()
	connectedAt.Store(c, time.Now())
	go c.writeLoop()

	err := readLoop(c)

	mu.Lock()
	delete(clients, c)
	for _, members := range rooms {
		delete(members, c)
	}
	if err != nil {
		disconnects[err.Error()]++
	}
	mu.Unlock()
	connectedAt.Delete(c)
	close(c.out)
	conn.Close()
}

func readLoop(c *Client) error {
	sc := bufio.NewScanner(c.conn)
	for {
		if err := c.conn.SetReadDeadline(time.Now().Add(idleTimeout)); err != nil {
			return err
		}
		if !sc.Scan() {
			return sc.Err()
		}
		cmd, arg, _ := strings.Cut(sc.Text(), " ")
		switch cmd {
		case "/join":
			join(c, arg)
		case "/leave":
			leave(c, arg)
		case "/nick":
			mu.Lock()
			c.name = arg
			nicknames[arg] = c
			mu.Unlock()
		default:
			broadcast(c, sc.Text())
		}
	}
}

func join(c *Client, room string) {
	mu.Lock()
	defer mu.Unlock()
	members, ok := rooms[room]
	if !ok {
		members = map[*Client]bool{}
		rooms[room] = members
	}
	members[c] = true
}

func leave(c *Client, room string) {
	mu.Lock()
	defer mu.Unlock()
	delete(rooms[room], c)
}

func broadcast(from *Client, msg string) {
	mu.Lock()
	defer mu.Unlock()
	for _, members := range rooms {
		if !members[from] {
			continue
		}
		for c := range members {
			if c != from {
				select {
				case c.out <- msg:
				default:
				}
			}
		}
	}
}
