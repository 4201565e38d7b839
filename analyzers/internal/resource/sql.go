package resource

// Database sessions: each unreleased value pins a pooled connection (or,
// for a statement, a server-side prepared statement on every connection
// it was used on) until the garbage collector happens to finalise it, if
// it ever does. The pool runs dry and callers block in Query or Begin.
//
// Deliberately absent:
//   - QueryRow and its sqlx and pgx relatives: the *Row closes its rows in
//     Scan, so nothing is left to release.
//   - Statements prepared on a transaction ((*sql.Tx).Prepare,
//     PrepareContext, Stmt, StmtContext and sqlx's Preparex, PrepareNamed,
//     Stmtx and NamedStmt on a *sqlx.Tx): database/sql documents that they
//     are closed when the transaction commits or rolls back, and a
//     transaction that never ends is reported on its own.
//   - sqlx.Preparex and sqlx.PreparexContext (package functions): they take
//     any Preparer, and on a transaction the statement is closed with it;
//     the table cannot tell which one the caller passed.
//   - sql.Open, sqlx.Connect, pgxpool.New kept beyond the function that
//     opens them: pools live for the program's lifetime and are rarely
//     closed; reporting them would be noise. A database/sql pool that
//     never leaves the function that opens it is tracked (sql.DB below).
//   - pgx BatchResults.Query: the batch's Close reads what is left.
var sqlKinds = []*Kind{
	// database/sql. A *Rows holds its connection until Close (or until Next
	// has returned false, which an early return skips).
	// Next closes the rows itself when it returns false (rows.Next calls
	// Close once the driver reports the end or an error). Columns and
	// ColumnTypes fail only on rows that are already closed (or that hold
	// no driver rows): their error path has nothing left to release. Err
	// returns non-nil only once the rows are closed (the error Next or
	// Close kept) or once the query's context is done, when the rows' own
	// watcher closes them.
	{ID: "sql.Rows", Check: "sqlclose", Noun: "rows", Type: "*database/sql.Rows",
		Release: []string{"Close"}, ReleaseOnFailure: []string{"Next", "Columns", "ColumnTypes", "Err"}, ReleaseText: "Close"},
	// A *Stmt keeps a prepared statement open on every connection it ran on.
	{ID: "sql.Stmt", Check: "sqlclose", Noun: "statement", Type: "*database/sql.Stmt",
		Release: []string{"Close"}, ReleaseText: "Close"},
	// A *Conn is taken out of the pool until Close returns it.
	{ID: "sql.Conn", Check: "sqlclose", Noun: "connection", Type: "*database/sql.Conn",
		Release: []string{"Close"}, ReleaseText: "Close"},
	// A *Tx holds its connection (and the database's locks) until Commit or
	// Rollback. Rollback after Commit is a no-op, which is why the fix
	// defers Rollback.
	{ID: "sql.Tx", Check: "sqlclose", Noun: "transaction", Type: "*database/sql.Tx",
		Release: []string{"Commit", "Rollback"}, ReleaseText: "Rollback",
		Unreleased: "neither committed nor rolled back"},

	// A pool that the function opening it uses only itself (queries run
	// on it, nothing stores, returns or passes it on): when the function
	// returns without closing it, nothing can. The pool's opener goroutine
	// waits for the pool's Close, which keeps the pool reachable, and it
	// keeps its idle connections open. A pool that leaves the function is
	// the program's and is not tracked (LocalOnly). The kind has no Type:
	// *sql.DB values the engine meets elsewhere (parameters, fields) are
	// not resources.
	{ID: "sql.DB", Check: "sqlclose", Noun: "database pool",
		Release: []string{"Close"}, ReleaseText: "Close", LocalOnly: true},

	// sqlx wraps each database/sql type by embedding it; the release methods
	// are the embedded value's, promoted, so the calls release the Field.
	// The rows' own SliceScan and MapScan (sqlx.go, v1.3 and v1.4) call
	// Columns, then Scan into as many new *any as it gave, then Err:
	// Columns fails only on closed rows, Scan into non-nil *any only on
	// closed rows (a *any takes any driver value, and the count is that
	// of the columns the driver reported), Err as above. Called after
	// Next, they fail only once the rows are closed.
	{ID: "sqlx.Rows", Check: "sqlclose", Noun: "rows", Type: "*github.com/jmoiron/sqlx.Rows",
		Field: "Rows", Release: []string{"Close"}, ReleaseOnFailure: []string{"Next", "Columns", "ColumnTypes", "Err", ".SliceScan", ".MapScan"}, ReleaseText: "Close"},
	{ID: "sqlx.Stmt", Check: "sqlclose", Noun: "statement", Type: "*github.com/jmoiron/sqlx.Stmt",
		Field: "Stmt", Release: []string{"Close"}, ReleaseText: "Close"},
	// A NamedStmt holds a *sqlx.Stmt in a named field and closes it in a
	// Close method of its own.
	{ID: "sqlx.NamedStmt", Check: "sqlclose", Noun: "statement", Type: "*github.com/jmoiron/sqlx.NamedStmt",
		Release: []string{"Close"}, ReleaseText: "Close"},
	{ID: "sqlx.Conn", Check: "sqlclose", Noun: "connection", Type: "*github.com/jmoiron/sqlx.Conn",
		Field: "Conn", Release: []string{"Close"}, ReleaseText: "Close"},
	{ID: "sqlx.Tx", Check: "sqlclose", Noun: "transaction", Type: "*github.com/jmoiron/sqlx.Tx",
		Field: "Tx", Release: []string{"Commit", "Rollback"}, ReleaseText: "Rollback",
		Unreleased: "neither committed nor rolled back"},

	// pgx v5. Its release methods that take a context have no ReleaseText:
	// a fix cannot know which context to pass.
	//
	// Rows must be closed before the connection runs anything else.
	// Next closes them when it returns false (all rows read, or a fatal
	// error); Scan closes them when it fails.
	{ID: "pgx.Rows", Check: "sqlclose", Noun: "rows", Type: "github.com/jackc/pgx/v5.Rows",
		Release: []string{"Close"}, ReleaseOnFailure: []string{"Next", "Scan"}, ReleaseText: "Close"},
	// A Tx that is not ended keeps its connection inside a transaction; from
	// a pool, the connection never returns.
	{ID: "pgx.Tx", Check: "sqlclose", Noun: "transaction", Type: "github.com/jackc/pgx/v5.Tx",
		Release:    []string{"Commit", "Rollback"},
		Unreleased: "neither committed nor rolled back"},
	// A connection of its own (not from a pool): a server backend each.
	{ID: "pgx.Conn", Check: "sqlclose", Noun: "connection", Type: "*github.com/jackc/pgx/v5.Conn",
		Release: []string{"Close"}},
	// Batch results must be closed before the connection can be used again.
	{ID: "pgx.BatchResults", Check: "sqlclose", Noun: "batch", Type: "github.com/jackc/pgx/v5.BatchResults",
		Release: []string{"Close"}, ReleaseText: "Close"},
	// A pooled connection returns to the pool on Release; Hijack takes it
	// out of the pool for good, and the *pgx.Conn it returns is tracked as
	// a connection of its own.
	{ID: "pgxpool.Conn", Check: "sqlclose", Noun: "connection", Type: "*github.com/jackc/pgx/v5/pgxpool.Conn",
		Release: []string{"Release", "Hijack"}, ReleaseText: "Release", Unreleased: "not released"},
}

// txTypes hand out statements that close with the transaction: a Prepare
// through an interface that one of them implements may be theirs.
var txTypes = []string{"*database/sql.Tx", "*github.com/jmoiron/sqlx.Tx"}

// Entries marked ThroughInterfaces also cover a method of the same name
// and result called through an interface of the program's own (sqlc's
// DBTX, a repository's Querier): every implementation hands out the same
// resource. Prepare is marked ThroughInterfacesUnless instead: on a
// transaction it needs no Close, so it acquires through an interface only
// when no transaction type implements that interface.
var sqlAcquirers = []Acquirer{
	// database/sql pools, tracked only where they stay in the function.
	{Func: "database/sql.Open", Kind: "sql.DB", Why: "the pool starts a connection opener goroutine that only Close stops, and keeps idle connections open"},
	{Func: "database/sql.OpenDB", Kind: "sql.DB", Why: "as Open, from a connector"},
	// database/sql rows.
	{Func: "(*database/sql.DB).Query", Kind: "sql.Rows", Why: "documented: the caller must close the rows", ThroughInterfaces: true},
	{Func: "(*database/sql.DB).QueryContext", Kind: "sql.Rows", Why: "documented: the caller must close the rows", ThroughInterfaces: true},
	{Func: "(*database/sql.Conn).QueryContext", Kind: "sql.Rows", Why: "the rows hold the dedicated connection until closed"},
	{Func: "(*database/sql.Tx).Query", Kind: "sql.Rows", Why: "open rows make the transaction's next statement fail with a busy connection"},
	{Func: "(*database/sql.Tx).QueryContext", Kind: "sql.Rows", Why: "open rows make the transaction's next statement fail with a busy connection"},
	{Func: "(*database/sql.Stmt).Query", Kind: "sql.Rows", Why: "same rows as DB.Query"},
	{Func: "(*database/sql.Stmt).QueryContext", Kind: "sql.Rows", Why: "same rows as DB.Query"},
	// database/sql statements (transaction statements are left out above).
	{Func: "(*database/sql.DB).Prepare", Kind: "sql.Stmt", Why: "documented: the caller must call the statement's Close", ThroughInterfacesUnless: txTypes},
	{Func: "(*database/sql.DB).PrepareContext", Kind: "sql.Stmt", Why: "documented: the caller must call the statement's Close", ThroughInterfacesUnless: txTypes},
	{Func: "(*database/sql.Conn).PrepareContext", Kind: "sql.Stmt", Why: "documented: the caller must call the statement's Close"},
	// database/sql connections and transactions.
	{Func: "(*database/sql.DB).Conn", Kind: "sql.Conn", Why: "documented: every Conn must be returned to the pool with Close", ThroughInterfaces: true},
	{Func: "(*database/sql.DB).Begin", Kind: "sql.Tx", Why: "the transaction holds a connection until Commit or Rollback", ThroughInterfaces: true},
	{Func: "(*database/sql.DB).BeginTx", Kind: "sql.Tx", Why: "the transaction holds a connection until Commit or Rollback", ThroughInterfaces: true},
	{Func: "(*database/sql.Conn).BeginTx", Kind: "sql.Tx", Why: "the transaction holds the connection until Commit or Rollback"},

	// sqlx rows.
	{Func: "(*github.com/jmoiron/sqlx.DB).Queryx", Kind: "sqlx.Rows", Why: "wraps DB.Query: the caller closes the rows", ThroughInterfaces: true},
	{Func: "(*github.com/jmoiron/sqlx.DB).QueryxContext", Kind: "sqlx.Rows", Why: "wraps DB.QueryContext", ThroughInterfaces: true},
	{Func: "(*github.com/jmoiron/sqlx.DB).NamedQuery", Kind: "sqlx.Rows", Why: "a Queryx with named parameters", ThroughInterfaces: true},
	{Func: "(*github.com/jmoiron/sqlx.DB).NamedQueryContext", Kind: "sqlx.Rows", Why: "a QueryxContext with named parameters", ThroughInterfaces: true},
	{Func: "(*github.com/jmoiron/sqlx.Conn).QueryxContext", Kind: "sqlx.Rows", Why: "wraps Conn.QueryContext"},
	{Func: "(*github.com/jmoiron/sqlx.Tx).Queryx", Kind: "sqlx.Rows", Why: "wraps Tx.Query"},
	{Func: "(*github.com/jmoiron/sqlx.Tx).QueryxContext", Kind: "sqlx.Rows", Why: "wraps Tx.QueryContext"},
	{Func: "(*github.com/jmoiron/sqlx.Tx).NamedQuery", Kind: "sqlx.Rows", Why: "a Queryx with named parameters"},
	{Func: "(*github.com/jmoiron/sqlx.Stmt).Queryx", Kind: "sqlx.Rows", Why: "wraps Stmt.Query"},
	{Func: "(*github.com/jmoiron/sqlx.Stmt).QueryxContext", Kind: "sqlx.Rows", Why: "wraps Stmt.QueryContext"},
	{Func: "(*github.com/jmoiron/sqlx.NamedStmt).Queryx", Kind: "sqlx.Rows", Why: "wraps Stmt.Query"},
	{Func: "(*github.com/jmoiron/sqlx.NamedStmt).QueryxContext", Kind: "sqlx.Rows", Why: "wraps Stmt.QueryContext"},
	{Func: "(*github.com/jmoiron/sqlx.NamedStmt).Query", Kind: "sql.Rows", Why: "plain *sql.Rows from the named statement"},
	{Func: "(*github.com/jmoiron/sqlx.NamedStmt).QueryContext", Kind: "sql.Rows", Why: "plain *sql.Rows from the named statement"},
	{Func: "github.com/jmoiron/sqlx.NamedQuery", Kind: "sqlx.Rows", Why: "a Queryx on any Ext, database or transaction"},
	{Func: "github.com/jmoiron/sqlx.NamedQueryContext", Kind: "sqlx.Rows", Why: "a QueryxContext on any ExtContext"},
	// sqlx statements prepared on a database or a dedicated connection.
	{Func: "(*github.com/jmoiron/sqlx.DB).Preparex", Kind: "sqlx.Stmt", Why: "wraps DB.Prepare: the caller closes the statement", ThroughInterfacesUnless: txTypes},
	{Func: "(*github.com/jmoiron/sqlx.DB).PreparexContext", Kind: "sqlx.Stmt", Why: "wraps DB.PrepareContext", ThroughInterfacesUnless: txTypes},
	{Func: "(*github.com/jmoiron/sqlx.Conn).PreparexContext", Kind: "sqlx.Stmt", Why: "wraps Conn.PrepareContext"},
	{Func: "(*github.com/jmoiron/sqlx.DB).PrepareNamed", Kind: "sqlx.NamedStmt", Why: "a prepared statement with named parameters", ThroughInterfacesUnless: txTypes},
	{Func: "(*github.com/jmoiron/sqlx.DB).PrepareNamedContext", Kind: "sqlx.NamedStmt", Why: "a prepared statement with named parameters", ThroughInterfacesUnless: txTypes},
	// sqlx connections and transactions.
	{Func: "(*github.com/jmoiron/sqlx.DB).Connx", Kind: "sqlx.Conn", Why: "wraps DB.Conn: the caller returns it with Close", ThroughInterfaces: true},
	{Func: "(*github.com/jmoiron/sqlx.DB).Beginx", Kind: "sqlx.Tx", Why: "wraps DB.Begin", ThroughInterfaces: true},
	{Func: "(*github.com/jmoiron/sqlx.DB).BeginTxx", Kind: "sqlx.Tx", Why: "wraps DB.BeginTx", ThroughInterfaces: true},
	{Func: "(*github.com/jmoiron/sqlx.DB).MustBegin", Kind: "sqlx.Tx", Why: "Beginx that panics instead of returning an error"},
	{Func: "(*github.com/jmoiron/sqlx.DB).MustBeginTx", Kind: "sqlx.Tx", Why: "BeginTxx that panics instead of returning an error"},
	{Func: "(*github.com/jmoiron/sqlx.Conn).BeginTxx", Kind: "sqlx.Tx", Why: "wraps Conn.BeginTx"},

	// pgx rows, from a connection, a pool, a pooled connection or a
	// transaction (the interface and the pool's concrete Tx).
	{Func: "(*github.com/jackc/pgx/v5.Conn).Query", Kind: "pgx.Rows", Why: "documented: rows must be closed before the connection is used again", ThroughInterfaces: true},
	{Func: "(github.com/jackc/pgx/v5.Tx).Query", Kind: "pgx.Rows", Why: "the transaction's connection is busy until the rows are closed"},
	{Func: "(*github.com/jackc/pgx/v5/pgxpool.Pool).Query", Kind: "pgx.Rows", Why: "the rows hold a pooled connection until closed"},
	{Func: "(*github.com/jackc/pgx/v5/pgxpool.Conn).Query", Kind: "pgx.Rows", Why: "same rows as Conn.Query"},
	{Func: "(*github.com/jackc/pgx/v5/pgxpool.Tx).Query", Kind: "pgx.Rows", Why: "same rows as Tx.Query"},
	// pgx transactions (Tx.Begin starts a savepoint that must end too).
	{Func: "(*github.com/jackc/pgx/v5.Conn).Begin", Kind: "pgx.Tx", Why: "the connection stays in a transaction until Commit or Rollback", ThroughInterfaces: true},
	{Func: "(*github.com/jackc/pgx/v5.Conn).BeginTx", Kind: "pgx.Tx", Why: "the connection stays in a transaction until Commit or Rollback", ThroughInterfaces: true},
	{Func: "(github.com/jackc/pgx/v5.Tx).Begin", Kind: "pgx.Tx", Why: "a savepoint, released by Commit or Rollback"},
	{Func: "(*github.com/jackc/pgx/v5/pgxpool.Pool).Begin", Kind: "pgx.Tx", Why: "the pooled connection returns only when the transaction ends"},
	{Func: "(*github.com/jackc/pgx/v5/pgxpool.Pool).BeginTx", Kind: "pgx.Tx", Why: "the pooled connection returns only when the transaction ends"},
	{Func: "(*github.com/jackc/pgx/v5/pgxpool.Conn).Begin", Kind: "pgx.Tx", Why: "the connection stays in a transaction until Commit or Rollback"},
	{Func: "(*github.com/jackc/pgx/v5/pgxpool.Conn).BeginTx", Kind: "pgx.Tx", Why: "the connection stays in a transaction until Commit or Rollback"},
	{Func: "(*github.com/jackc/pgx/v5/pgxpool.Tx).Begin", Kind: "pgx.Tx", Why: "a savepoint, released by Commit or Rollback"},
	// pgx batches.
	{Func: "(*github.com/jackc/pgx/v5.Conn).SendBatch", Kind: "pgx.BatchResults", Why: "documented: Close must be called before the connection is used again", ThroughInterfaces: true},
	{Func: "(github.com/jackc/pgx/v5.Tx).SendBatch", Kind: "pgx.BatchResults", Why: "documented: Close must be called before the connection is used again"},
	{Func: "(*github.com/jackc/pgx/v5/pgxpool.Pool).SendBatch", Kind: "pgx.BatchResults", Why: "the pooled connection returns on Close"},
	{Func: "(*github.com/jackc/pgx/v5/pgxpool.Conn).SendBatch", Kind: "pgx.BatchResults", Why: "documented: Close must be called before the connection is used again"},
	{Func: "(*github.com/jackc/pgx/v5/pgxpool.Tx).SendBatch", Kind: "pgx.BatchResults", Why: "documented: Close must be called before the connection is used again"},
	// pgx connections.
	{Func: "github.com/jackc/pgx/v5.Connect", Kind: "pgx.Conn", Why: "a server connection of its own, closed with Close"},
	{Func: "github.com/jackc/pgx/v5.ConnectConfig", Kind: "pgx.Conn", Why: "a server connection of its own, closed with Close"},
	{Func: "github.com/jackc/pgx/v5.ConnectWithOptions", Kind: "pgx.Conn", Why: "a server connection of its own, closed with Close"},
	{Func: "(*github.com/jackc/pgx/v5/pgxpool.Conn).Hijack", Kind: "pgx.Conn", Why: "documented: the caller becomes responsible for closing the connection"},
	{Func: "(*github.com/jackc/pgx/v5/pgxpool.Pool).Acquire", Kind: "pgxpool.Conn", Why: "documented: the connection returns to the pool on Release", ThroughInterfaces: true},
}
