package arrayslots

import "net"

// Each connection goes into its own slot of a local array, and the
// element read back with the same index is the connection: the defer
// closes every one when the function returns (a short fixed loop). The
// closure only reads the slots.
func dialSlots(addr string) error {
	var conns [4]net.Conn
	for i := 0; i < len(conns); i++ {
		var err error
		conns[i], err = net.Dial("tcp", addr)
		if err != nil {
			return err
		}
		defer conns[i].Close()
	}
	ping := func(k int) { conns[k].Write([]byte("ping")) }
	for k := 0; k < len(conns); k++ {
		ping(k)
	}
	return nil
}

// Read back from another slot, the element is not the one stored: the
// connection of the iteration is never closed.
func dialSlotsOtherIndex(addr string) error {
	var conns [4]net.Conn
	for i := 0; i < len(conns); i++ {
		var err error
		conns[i], err = net.Dial("tcp", addr) // want `connection from net.Dial is not closed before the next loop iteration acquires another`
		if err != nil {
			return err
		}
		defer conns[0].Close()
	}
	return nil
}
