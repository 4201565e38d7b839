package resource

import "go/types"

// inMemoryDatabases: functions whose *sql.DB result talks to a driver
// that answers from process memory. A connection of such a database is a
// value of the driver's in memory: rows, statements and transactions
// taken from it without a cancellable context (which would start
// database/sql's watcher goroutine) hold nothing outside the process's
// memory.
var inMemoryDatabases = []struct {
	Func   string
	Result int
	Why    string
}{
	{"github.com/DATA-DOG/go-sqlmock.New", 0, "a mock driver: its connections replay expectations held in memory; no server, descriptor or goroutine"},
	{"github.com/DATA-DOG/go-sqlmock.NewWithDSN", 0, "as New, registered under a DSN"},
}

// InMemoryDatabase reports whether result i of fn is a database whose
// driver answers from memory (inMemoryDatabases).
func InMemoryDatabase(fn *types.Func, i int) bool {
	if fn == nil {
		return false
	}
	name := fn.Origin().FullName()
	for _, d := range inMemoryDatabases {
		if d.Func == name && d.Result == i {
			return true
		}
	}
	return false
}
