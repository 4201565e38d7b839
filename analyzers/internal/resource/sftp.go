package resource

// Files of an SFTP client (github.com/pkg/sftp). Each open file is a
// handle the server keeps open, with its own descriptor, until the client
// closes it; servers cap the handles a session may hold (OpenSSH's
// sftp-server allows 512), so a client that drops files on its error
// paths runs out of them while its connection stays up.
var sftpKinds = []*Kind{
	{ID: "sftp.File", Check: "closecheck", Noun: "remote file", Type: "*github.com/pkg/sftp.File",
		Release: []string{"Close"}, ReleaseText: "Close"},
}

var sftpAcquirers = []Acquirer{
	{Func: "(*github.com/pkg/sftp.Client).Open", Kind: "sftp.File", Why: "opens a handle on the server that stays open until Close"},
	{Func: "(*github.com/pkg/sftp.Client).OpenFile", Kind: "sftp.File", Why: "opens a handle on the server that stays open until Close"},
	{Func: "(*github.com/pkg/sftp.Client).Create", Kind: "sftp.File", Why: "opens a handle on the server that stays open until Close"},
}
