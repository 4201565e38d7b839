package resource

import (
	"go/types"
	"slices"
)

// waiters lists functions that wait for something outside the program (a
// peer, a process, the clock, other goroutines) before they return: a
// resource held across one of them is held for as long as that takes.
// Functions that take a context.Context and can fail are taken to wait
// without being listed (see Waits).
var waiters = []Owner{
	{Func: "(*net/http.Client).Do", Why: "sends the request and waits for the answer's headers"},
	{Func: "(*net/http.Client).Get", Why: "as Client.Do"},
	{Func: "(*net/http.Client).Head", Why: "as Client.Do"},
	{Func: "(*net/http.Client).Post", Why: "as Client.Do"},
	{Func: "(*net/http.Client).PostForm", Why: "as Client.Do"},
	{Func: "net/http.Get", Why: "as Client.Do, with DefaultClient"},
	{Func: "net/http.Head", Why: "as Client.Do, with DefaultClient"},
	{Func: "net/http.Post", Why: "as Client.Do, with DefaultClient"},
	{Func: "net/http.PostForm", Why: "as Client.Do, with DefaultClient"},
	{Func: "(*net/http.Transport).RoundTrip", Why: "as Client.Do"},
	{Func: "net.Dial", Why: "waits for the connection to be set up"},
	{Func: "net.DialTimeout", Why: "as net.Dial"},
	{Func: "(*net.Dialer).Dial", Why: "as net.Dial"},
	{Func: "(*os/exec.Cmd).Run", Why: "waits for the process to end"},
	{Func: "(*os/exec.Cmd).Wait", Why: "waits for the process to end"},
	{Func: "(*os/exec.Cmd).Output", Why: "waits for the process to end"},
	{Func: "(*os/exec.Cmd).CombinedOutput", Why: "waits for the process to end"},
	{Func: "(*os.Process).Wait", Why: "waits for the process to end"},
	{Func: "time.Sleep", Why: "waits for the clock"},
	{Func: "(*sync.WaitGroup).Wait", Why: "waits for other goroutines"},
	{Func: "(*sync.Cond).Wait", Why: "waits for another goroutine's signal"},
	{Func: "(*database/sql.DB).Exec", Why: "a round trip to the database server"},
	{Func: "(*database/sql.DB).Query", Why: "a round trip to the database server"},
	{Func: "(*database/sql.DB).QueryRow", Why: "a round trip to the database server"},
	{Func: "(*database/sql.DB).Ping", Why: "a round trip to the database server"},
	{Func: "(*database/sql.DB).Begin", Why: "a round trip to the database server"},
	{Func: "(*database/sql.Tx).Commit", Why: "a round trip to the database server"},
	{Func: "(*database/sql.Tx).Exec", Why: "a round trip to the database server"},
	{Func: "(*database/sql.Tx).Query", Why: "a round trip to the database server"},
	{Func: "(*database/sql.Tx).QueryRow", Why: "a round trip to the database server"},
	{Func: "(*database/sql.Stmt).Exec", Why: "a round trip to the database server"},
	{Func: "(*database/sql.Stmt).Query", Why: "a round trip to the database server"},
	{Func: "(*database/sql.Stmt).QueryRow", Why: "a round trip to the database server"},
}

// contextOnly lists packages whose functions take a context.Context
// without waiting on it: they read values from it or derive another.
var contextOnly = []string{"context", "log/slog", "runtime/trace"}

// Waits reports whether a call of fn, a function whose body the caller
// cannot see, waits for something outside the program: it is listed, or
// it takes a context.Context and returns an error (the shape of a call
// that can wait and be cancelled), and does not return a context (a
// context's derivation takes one too).
func Waits(fn *types.Func) bool {
	if fn == nil {
		return false
	}
	if listed(waiters, fn) {
		return true
	}
	if fn.Pkg() != nil && slices.Contains(contextOnly, fn.Pkg().Path()) {
		return false
	}
	sig, ok := fn.Type().(*types.Signature)
	if !ok {
		return false
	}
	takesContext := false
	for v := range sig.Params().Variables() {
		if isContext(v.Type()) {
			takesContext = true
		}
	}
	res := sig.Results()
	if !takesContext || res.Len() == 0 || !isErrorType(res.At(res.Len()-1).Type()) {
		return false
	}
	for v := range res.Variables() {
		if isContext(v.Type()) {
			return false
		}
	}
	return true
}

func isContext(t types.Type) bool {
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "context" && n.Obj().Name() == "Context"
}

func isErrorType(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}
