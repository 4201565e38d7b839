package resource

// pgx v4 and its pgxpool: the same contracts as v5 under the older major
// version's import paths, which many maintained programs still use. Rows,
// Tx and BatchResults are interfaces in v4 as in v5; a failed Scan closes
// the rows there too (connRows.fatal calls Close).
var pgxV4Kinds = []*Kind{
	{ID: "pgx4.Rows", Check: "sqlclose", Noun: "rows", Type: "github.com/jackc/pgx/v4.Rows",
		Release: []string{"Close"}, ReleaseOnFailure: []string{"Next", "Scan"}, ReleaseText: "Close"},
	{ID: "pgx4.Tx", Check: "sqlclose", Noun: "transaction", Type: "github.com/jackc/pgx/v4.Tx",
		Release:    []string{"Commit", "Rollback"},
		Unreleased: "neither committed nor rolled back"},
	{ID: "pgx4.Conn", Check: "sqlclose", Noun: "connection", Type: "*github.com/jackc/pgx/v4.Conn",
		Release: []string{"Close"}},
	{ID: "pgx4.BatchResults", Check: "sqlclose", Noun: "batch", Type: "github.com/jackc/pgx/v4.BatchResults",
		Release: []string{"Close"}, ReleaseText: "Close"},
	{ID: "pgxpool4.Conn", Check: "sqlclose", Noun: "connection", Type: "*github.com/jackc/pgx/v4/pgxpool.Conn",
		Release: []string{"Release", "Hijack"}, ReleaseText: "Release", Unreleased: "not released"},
}

var pgxV4Acquirers = []Acquirer{
	// Rows.
	{Func: "(*github.com/jackc/pgx/v4.Conn).Query", Kind: "pgx4.Rows", Why: "documented: rows must be closed before the connection is used again", ThroughInterfaces: true},
	{Func: "(github.com/jackc/pgx/v4.Tx).Query", Kind: "pgx4.Rows", Why: "the transaction's connection is busy until the rows are closed"},
	{Func: "(*github.com/jackc/pgx/v4/pgxpool.Pool).Query", Kind: "pgx4.Rows", Why: "the rows hold a pooled connection until closed"},
	{Func: "(*github.com/jackc/pgx/v4/pgxpool.Conn).Query", Kind: "pgx4.Rows", Why: "same rows as Conn.Query"},
	{Func: "(*github.com/jackc/pgx/v4/pgxpool.Tx).Query", Kind: "pgx4.Rows", Why: "same rows as Tx.Query"},
	// Transactions.
	{Func: "(*github.com/jackc/pgx/v4.Conn).Begin", Kind: "pgx4.Tx", Why: "the connection stays in a transaction until Commit or Rollback", ThroughInterfaces: true},
	{Func: "(*github.com/jackc/pgx/v4.Conn).BeginTx", Kind: "pgx4.Tx", Why: "the connection stays in a transaction until Commit or Rollback", ThroughInterfaces: true},
	{Func: "(github.com/jackc/pgx/v4.Tx).Begin", Kind: "pgx4.Tx", Why: "a savepoint, released by Commit or Rollback"},
	{Func: "(*github.com/jackc/pgx/v4/pgxpool.Pool).Begin", Kind: "pgx4.Tx", Why: "the pooled connection returns only when the transaction ends"},
	{Func: "(*github.com/jackc/pgx/v4/pgxpool.Pool).BeginTx", Kind: "pgx4.Tx", Why: "the pooled connection returns only when the transaction ends"},
	{Func: "(*github.com/jackc/pgx/v4/pgxpool.Conn).Begin", Kind: "pgx4.Tx", Why: "the connection stays in a transaction until Commit or Rollback"},
	{Func: "(*github.com/jackc/pgx/v4/pgxpool.Conn).BeginTx", Kind: "pgx4.Tx", Why: "the connection stays in a transaction until Commit or Rollback"},
	{Func: "(*github.com/jackc/pgx/v4/pgxpool.Tx).Begin", Kind: "pgx4.Tx", Why: "a savepoint, released by Commit or Rollback"},
	// Batches.
	{Func: "(*github.com/jackc/pgx/v4.Conn).SendBatch", Kind: "pgx4.BatchResults", Why: "documented: Close must be called before the connection is used again", ThroughInterfaces: true},
	{Func: "(github.com/jackc/pgx/v4.Tx).SendBatch", Kind: "pgx4.BatchResults", Why: "documented: Close must be called before the connection is used again"},
	{Func: "(*github.com/jackc/pgx/v4/pgxpool.Pool).SendBatch", Kind: "pgx4.BatchResults", Why: "the pooled connection returns on Close"},
	{Func: "(*github.com/jackc/pgx/v4/pgxpool.Conn).SendBatch", Kind: "pgx4.BatchResults", Why: "documented: Close must be called before the connection is used again"},
	{Func: "(*github.com/jackc/pgx/v4/pgxpool.Tx).SendBatch", Kind: "pgx4.BatchResults", Why: "documented: Close must be called before the connection is used again"},
	// Connections.
	{Func: "github.com/jackc/pgx/v4.Connect", Kind: "pgx4.Conn", Why: "a server connection of its own, closed with Close"},
	{Func: "github.com/jackc/pgx/v4.ConnectConfig", Kind: "pgx4.Conn", Why: "a server connection of its own, closed with Close"},
	{Func: "(*github.com/jackc/pgx/v4/pgxpool.Conn).Hijack", Kind: "pgx4.Conn", Why: "documented: the caller becomes responsible for closing the connection"},
	{Func: "(*github.com/jackc/pgx/v4/pgxpool.Pool).Acquire", Kind: "pgxpool4.Conn", Why: "documented: the connection returns to the pool on Release", ThroughInterfaces: true},
}
