package resource

import "go/types"

// releasedWithReceiver are acquirers whose result is released when their
// receiver is: what they return holds nothing that outlives the value
// they were called on. Keyed by types.Func.FullName.
var releasedWithReceiver = map[string]string{
	"(*database/sql.DB).Prepare":             "DB.Close closes the pool's connections, and each connection's close closes the driver statements prepared on it; a Stmt holds no connection between executions",
	"(*database/sql.DB).PrepareContext":      "as Prepare",
	"(*database/sql.Tx).Query":               "Commit and Rollback cancel the transaction's context, and the rows of a transaction close when that context ends (database/sql ties each Rows to it); the transaction holds the connection the rows read from",
	"(*database/sql.Tx).QueryContext":        "as Query",
	"(*github.com/pkg/sftp.Client).Open":     "Client.Close ends the session, and the server closes every handle the session left open (pkg/sftp's servers and OpenSSH's sftp-server do)",
	"(*github.com/pkg/sftp.Client).OpenFile": "as Open",
	"(*github.com/pkg/sftp.Client).Create":   "as Open",
}

// ReleasedWithReceiver reports whether what a call of fn acquires is
// released by the release of the receiver it was called on.
func ReleasedWithReceiver(fn *types.Func) bool {
	if fn == nil || fn.Pkg() == nil {
		return false
	}
	_, ok := releasedWithReceiver[fn.Origin().FullName()]
	return ok
}
