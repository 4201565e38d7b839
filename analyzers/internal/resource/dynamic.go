package resource

import (
	"go/types"
	"slices"
)

// A dynamicResult says which concrete type an acquirer's interface result
// has when one of its string arguments is one of the listed constants:
// the listener of net.Listen("tcp", ...) is a *net.TCPListener. A comma-ok
// assertion of the owed resource to that type cannot fail.
type dynamicResult struct {
	Func   string   // the acquirer, by full name
	Arg    int      // the argument (0 is the receiver of a method)
	Values []string // the constants that decide the type
	Type   string   // the concrete type, as types.TypeString spells it
	Why    string
}

var (
	tcpNetworks  = []string{"tcp", "tcp4", "tcp6"}
	udpNetworks  = []string{"udp", "udp4", "udp6"}
	unixNetworks = []string{"unix", "unixgram", "unixpacket"}
)

var dynamicResults = []dynamicResult{
	{Func: "net.Listen", Arg: 0, Values: tcpNetworks, Type: "*net.TCPListener", Why: "ListenConfig.Listen returns listenTCP's (or listenMPTCP's) *TCPListener for a TCP address"},
	{Func: "net.Listen", Arg: 0, Values: []string{"unix", "unixpacket"}, Type: "*net.UnixListener", Why: "ListenConfig.Listen returns listenUnix's *UnixListener for a Unix address"},
	{Func: "(*net.ListenConfig).Listen", Arg: 2, Values: tcpNetworks, Type: "*net.TCPListener", Why: "as net.Listen"},
	{Func: "(*net.ListenConfig).Listen", Arg: 2, Values: []string{"unix", "unixpacket"}, Type: "*net.UnixListener", Why: "as net.Listen"},
	{Func: "net.ListenPacket", Arg: 0, Values: udpNetworks, Type: "*net.UDPConn", Why: "ListenConfig.ListenPacket returns listenUDP's *UDPConn for a UDP address"},
	{Func: "net.ListenPacket", Arg: 0, Values: []string{"unixgram"}, Type: "*net.UnixConn", Why: "ListenConfig.ListenPacket returns listenUnixgram's *UnixConn"},
	{Func: "(*net.ListenConfig).ListenPacket", Arg: 2, Values: udpNetworks, Type: "*net.UDPConn", Why: "as net.ListenPacket"},
	{Func: "(*net.ListenConfig).ListenPacket", Arg: 2, Values: []string{"unixgram"}, Type: "*net.UnixConn", Why: "as net.ListenPacket"},
	{Func: "net.Dial", Arg: 0, Values: tcpNetworks, Type: "*net.TCPConn", Why: "the dialer's dialSingle returns dialTCP's *TCPConn for a TCP address"},
	{Func: "net.Dial", Arg: 0, Values: udpNetworks, Type: "*net.UDPConn", Why: "dialSingle returns dialUDP's *UDPConn for a UDP address"},
	{Func: "net.Dial", Arg: 0, Values: unixNetworks, Type: "*net.UnixConn", Why: "dialSingle returns dialUnix's *UnixConn for a Unix address"},
	{Func: "net.DialTimeout", Arg: 0, Values: tcpNetworks, Type: "*net.TCPConn", Why: "as net.Dial"},
	{Func: "net.DialTimeout", Arg: 0, Values: udpNetworks, Type: "*net.UDPConn", Why: "as net.Dial"},
	{Func: "net.DialTimeout", Arg: 0, Values: unixNetworks, Type: "*net.UnixConn", Why: "as net.Dial"},
}

// DynamicType gives the concrete type of the interface value that fn, an
// acquirer listed in dynamicResults, returns on success, as
// types.TypeString spells it; "" when the table does not decide it.
// constArg gives the value of the call's argument i when it is a constant
// string (0 is the receiver of a method).
func DynamicType(fn *types.Func, constArg func(i int) (string, bool)) string {
	if fn == nil {
		return ""
	}
	name := fn.Origin().FullName()
	for _, d := range dynamicResults {
		if d.Func != name {
			continue
		}
		if v, ok := constArg(d.Arg); ok && slices.Contains(d.Values, v) {
			return d.Type
		}
	}
	return ""
}
