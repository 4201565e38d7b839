package resource

import (
	"slices"
	"strings"
	"testing"
)

func TestParseUser(t *testing.T) {
	good := []struct {
		spec string
		want []UserEntry
	}{
		{"", nil},
		{"(*example.com/pool.Pool).Get => (*example.com/pool.Pool).Put",
			[]UserEntry{{Acquire: "(*example.com/pool.Pool).Get", Releases: []string{"(*example.com/pool.Pool).Put"}}}},
		{"(go.opentelemetry.io/otel/trace.Tracer).Start#1 => .End",
			[]UserEntry{{Acquire: "(go.opentelemetry.io/otel/trace.Tracer).Start", Result: 1, Methods: []string{"End"}}}},
		{"example.com/pubsub.Subscribe => .Close, .Unsubscribe ;\n example.com/x.Open=>.Conn.Close",
			[]UserEntry{
				{Acquire: "example.com/pubsub.Subscribe", Methods: []string{"Close", "Unsubscribe"}},
				{Acquire: "example.com/x.Open", Methods: []string{"Conn.Close"}},
			}},
	}
	for _, tt := range good {
		got, err := ParseUser(tt.spec)
		if err != nil {
			t.Errorf("ParseUser(%q): %v", tt.spec, err)
			continue
		}
		if !slices.EqualFunc(got, tt.want, func(a, b UserEntry) bool {
			return a.Acquire == b.Acquire && a.Result == b.Result &&
				slices.Equal(a.Methods, b.Methods) && slices.Equal(a.Releases, b.Releases)
		}) {
			t.Errorf("ParseUser(%q) = %+v, want %+v", tt.spec, got, tt.want)
		}
	}

	bad := []struct{ spec, wantErr string }{
		{"pool.Get", `resource entry 1 ("pool.Get"): missing "=>"`},
		{"a.B => .Close; pool.Get .Put", `resource entry 2 ("pool.Get .Put"): missing "=>"`},
		{"Get => .Close", `acquiring function "Get" is not a function or method name`},
		{"a.Get#x => .Close", `result index "x" after '#' must be a number`},
		{"a.Get#99 => .Close", `result index "99" after '#' must be a number from 0 to 15`},
		{"a.Get =>", `no release after "=>"`},
		{"a.Get => .Close,", `empty release in the list ".Close,"`},
		{"a.Get => .1bad", `release ".1bad" is not a method like .Close`},
		{"a.Get => Close", `release "Close" is neither a method (.Close) nor a function name`},
		{"(*a.Pool.Get => .Close", `acquiring function "(*a.Pool.Get" is not a function or method name`},
	}
	for _, tt := range bad {
		_, err := ParseUser(tt.spec)
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("ParseUser(%q) error = %v, want it to contain %q", tt.spec, err, tt.wantErr)
		}
	}
}

func TestUserResourcesFlagKeepsOldValueOnError(t *testing.T) {
	var u UserResources
	if err := u.Set("a.Get => .Close"); err != nil {
		t.Fatal(err)
	}
	if err := u.Set("broken"); err == nil {
		t.Fatal("Set accepted a malformed entry")
	}
	if got := u.String(); got != "a.Get => .Close" {
		t.Errorf("after a rejected Set, String() = %q, want the previous value", got)
	}
	if n := len(u.Entries()); n != 1 {
		t.Errorf("after a rejected Set, %d entries, want 1", n)
	}
}

// FuzzParseUser: any input either parses into well-formed entries or fails
// with an error that names an entry; it never panics.
func FuzzParseUser(f *testing.F) {
	for _, seed := range []string{
		"(*example.com/pool.Pool).Get => (*example.com/pool.Pool).Put",
		"(go.opentelemetry.io/otel/trace.Tracer).Start#1 => .End",
		"a.B => .C, .D.E; x/y.Z=>x/y.W\n",
		"=>", "#", ";;;", "a.B#-1 => .C", "a.B => ,",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, spec string) {
		entries, err := ParseUser(spec)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "resource entry ") {
				t.Fatalf("error does not name the entry: %v", err)
			}
			return
		}
		for _, e := range entries {
			if e.Acquire == "" || len(e.Methods)+len(e.Releases) == 0 || e.Result < 0 {
				t.Fatalf("malformed entry accepted from %q: %+v", spec, e)
			}
		}
	})
}
