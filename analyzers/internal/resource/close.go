package resource

// Files, connections, processes and other closers: each one left open
// holds a file descriptor (and often a kernel buffer or a remote peer's
// slot) until the garbage collector's finalizer happens to run, if it
// exists at all.
//
// Deliberately absent:
//   - os.Stdin, os.Stdout, os.Stderr and os.NewFile: they wrap descriptors
//     the program borrows; nothing here acquired them.
//   - http.Server, grpc servers and clients, sql.DB: long-lived by design.
//   - bufio writers: they hold no descriptor; an unflushed one loses data,
//     which is a different bug.
//   - gzip, zlib and flate readers: their Close releases nothing (it does
//     not even close the underlying reader), so an unclosed one leaks
//     nothing a reviewer would fix.
var closeKinds = []*Kind{
	// An *os.File holds a descriptor until Close.
	{ID: "os.File", Check: "closecheck", Noun: "file", Type: "*os.File",
		Release: []string{"Close"}, ReleaseText: "Close"},
	// An http.File from an http.FileSystem: http.Dir, the file system
	// servers are given, opens an *os.File for each Open; the interface's
	// contract (http.File embeds io.Closer) is that the caller closes it.
	{ID: "http.File", Check: "closecheck", Noun: "file", Type: "net/http.File",
		Release: []string{"Close"}, ReleaseText: "Close"},
	// A connection holds a socket and the peer's connection slot.
	{ID: "net.Conn", Check: "closecheck", Noun: "connection", Type: "net.Conn",
		Release: []string{"Close"}, ReleaseText: "Close"},
	{ID: "tls.Conn", Check: "closecheck", Noun: "connection", Type: "*crypto/tls.Conn",
		Release: []string{"Close"}, ReleaseText: "Close"},
	{ID: "net.TCPConn", Check: "closecheck", Noun: "connection", Type: "*net.TCPConn",
		Release: []string{"Close"}, ReleaseText: "Close"},
	{ID: "net.UDPConn", Check: "closecheck", Noun: "connection", Type: "*net.UDPConn",
		Release: []string{"Close"}, ReleaseText: "Close"},
	{ID: "net.UnixConn", Check: "closecheck", Noun: "connection", Type: "*net.UnixConn",
		Release: []string{"Close"}, ReleaseText: "Close"},
	{ID: "net.IPConn", Check: "closecheck", Noun: "connection", Type: "*net.IPConn",
		Release: []string{"Close"}, ReleaseText: "Close"},
	// A packet socket holds its descriptor and, once bound, its port.
	{ID: "net.PacketConn", Check: "closecheck", Noun: "socket", Type: "net.PacketConn",
		Release: []string{"Close"}, ReleaseText: "Close"},
	// A listener holds its port: a second Listen on it fails until Close.
	{ID: "net.Listener", Check: "closecheck", Noun: "listener", Type: "net.Listener",
		Release: []string{"Close"}, ReleaseText: "Close"},
	{ID: "net.TCPListener", Check: "closecheck", Noun: "listener", Type: "*net.TCPListener",
		Release: []string{"Close"}, ReleaseText: "Close"},
	{ID: "net.UnixListener", Check: "closecheck", Noun: "listener", Type: "*net.UnixListener",
		Release: []string{"Close"}, ReleaseText: "Close"},
	// Compression writers buffer data: without Close the stream is
	// truncated and its trailer (checksum, size) never written.
	{ID: "gzip.Writer", Check: "closecheck", Noun: "gzip writer", Type: "*compress/gzip.Writer",
		Release: []string{"Close"}, ReleaseText: "Close", Unreleased: "not closed (its buffered data and trailer are lost)", SuccessOnly: true,
		Ends: []string{"Flush"}, Redirect: "Reset"},
	{ID: "zlib.Writer", Check: "closecheck", Noun: "zlib writer", Type: "*compress/zlib.Writer",
		Release: []string{"Close"}, ReleaseText: "Close", Unreleased: "not closed (its buffered data and trailer are lost)", SuccessOnly: true,
		Ends: []string{"Flush"}, Redirect: "Reset"},
	{ID: "flate.Writer", Check: "closecheck", Noun: "flate writer", Type: "*compress/flate.Writer",
		Release: []string{"Close"}, ReleaseText: "Close", Unreleased: "not closed (its buffered data is lost)", SuccessOnly: true,
		Ends: []string{"Flush"}, Redirect: "Reset"},
	// A started process must be waited for: until then it stays a zombie
	// in the process table and its pipes stay open.
	{ID: "exec.Cmd", Check: "closecheck", Noun: "process", Type: "*os/exec.Cmd",
		Release: []string{"Wait", "Process.Wait", "Process.Release"}, ReleaseText: "Wait",
		Unreleased: "never waited for (it stays a zombie)"},
	// Before Go 1.23 a ticker that is not stopped is never collected.
	{ID: "time.Ticker", Check: "closecheck", Noun: "ticker", Type: "*time.Ticker",
		Release: []string{"Stop"}, ReleaseText: "Stop", Until: "go1.23",
		Unreleased: "never stopped (before Go 1.23 it is never collected)"},
}

var closeAcquirers = []Acquirer{
	{Func: "os.Open", Kind: "os.File", Why: "opens a descriptor"},
	{Func: "os.Create", Kind: "os.File", Why: "opens a descriptor"},
	{Func: "os.OpenFile", Kind: "os.File", Why: "opens a descriptor"},
	{Func: "(net/http.FileSystem).Open", Kind: "http.File", Why: "the caller closes what a file system opens (http.Dir opens a descriptor)"},
	{Func: "(net/http.Dir).Open", Kind: "http.File", Why: "opens a descriptor"},
	{Func: "os.CreateTemp", Kind: "os.File", Why: "opens a descriptor"},
	{Func: "os.OpenInRoot", Kind: "os.File", Why: "opens a descriptor"},
	{Func: "(*os.Root).Open", Kind: "os.File", Why: "opens a descriptor"},
	{Func: "(*os.Root).Create", Kind: "os.File", Why: "opens a descriptor"},
	{Func: "(*os.Root).OpenFile", Kind: "os.File", Why: "opens a descriptor"},
	{Func: "net.Dial", Kind: "net.Conn", Why: "dials a socket"},
	{Func: "net.DialTimeout", Kind: "net.Conn", Why: "dials a socket"},
	// A Dial method of any interface that returns a net.Conn (a driver's
	// pluggable Dialer, x/net/proxy's) dials a connection of its own too.
	{Func: "(*net.Dialer).Dial", Kind: "net.Conn", Why: "dials a socket", ThroughInterfaces: true},
	{Func: "(*net.Dialer).DialContext", Kind: "net.Conn", Why: "dials a socket", ThroughInterfaces: true},
	{Func: "net.DialTCP", Kind: "net.TCPConn", Why: "dials a socket"},
	{Func: "net.DialUDP", Kind: "net.UDPConn", Why: "opens a socket"},
	{Func: "net.ListenUDP", Kind: "net.UDPConn", Why: "binds a socket"},
	{Func: "net.ListenMulticastUDP", Kind: "net.UDPConn", Why: "binds a socket and joins a group"},
	{Func: "net.ListenPacket", Kind: "net.PacketConn", Why: "binds a socket"},
	{Func: "(*net.ListenConfig).ListenPacket", Kind: "net.PacketConn", Why: "binds a socket"},
	{Func: "net.ListenUnixgram", Kind: "net.UnixConn", Why: "binds a socket"},
	{Func: "net.DialUnix", Kind: "net.UnixConn", Why: "dials a socket"},
	{Func: "net.ListenIP", Kind: "net.IPConn", Why: "opens a raw socket"},
	{Func: "net.DialIP", Kind: "net.IPConn", Why: "opens a raw socket"},
	{Func: "crypto/tls.Dial", Kind: "tls.Conn", Why: "dials a socket"},
	{Func: "crypto/tls.DialWithDialer", Kind: "tls.Conn", Why: "dials a socket"},
	{Func: "(*crypto/tls.Dialer).Dial", Kind: "net.Conn", Why: "dials a socket"},
	{Func: "(*crypto/tls.Dialer).DialContext", Kind: "net.Conn", Why: "dials a socket"},
	{Func: "(net.Listener).Accept", Kind: "net.Conn", Why: "each accepted connection is the caller's"},
	{Func: "(*net.TCPListener).Accept", Kind: "net.Conn", Why: "each accepted connection is the caller's"},
	{Func: "(*net.TCPListener).AcceptTCP", Kind: "net.TCPConn", Why: "each accepted connection is the caller's"},
	{Func: "net.Listen", Kind: "net.Listener", Why: "binds a port"},
	{Func: "(*net.ListenConfig).Listen", Kind: "net.Listener", Why: "binds a port"},
	{Func: "net.ListenTCP", Kind: "net.TCPListener", Why: "binds a port"},
	{Func: "net.ListenUnix", Kind: "net.UnixListener", Why: "binds a socket path"},
	{Func: "(*net.UnixListener).Accept", Kind: "net.Conn", Why: "each accepted connection is the caller's"},
	{Func: "(*net.UnixListener).AcceptUnix", Kind: "net.UnixConn", Why: "each accepted connection is the caller's"},
	{Func: "crypto/tls.Listen", Kind: "net.Listener", Why: "binds a port"},
	// The compression writers write into w: into memory alone they hold
	// nothing but memory (see Acquirer.Dest).
	{Func: "compress/gzip.NewWriter", Kind: "gzip.Writer", Why: "buffers until Close", Dest: "w"},
	{Func: "compress/gzip.NewWriterLevel", Kind: "gzip.Writer", Why: "buffers until Close", Dest: "w"},
	{Func: "compress/zlib.NewWriter", Kind: "zlib.Writer", Why: "buffers until Close", Dest: "w"},
	{Func: "compress/zlib.NewWriterLevel", Kind: "zlib.Writer", Why: "buffers until Close", Dest: "w"},
	{Func: "compress/flate.NewWriter", Kind: "flate.Writer", Why: "buffers until Close", Dest: "w"},
	{Func: "(*os/exec.Cmd).Start", Result: -1, Kind: "exec.Cmd", Why: "a started process must be waited for"},
	{Func: "time.NewTicker", Kind: "time.Ticker", Why: "before Go 1.23 an unstopped ticker is never collected"},
}
