package settings

import (
	"encoding/json"
	"testing"

	"github.com/leakvet/leakvet/analyzers"
)

// FuzzParseSettings: any settings tree golangci-lint could hand over (here
// decoded from JSON) is either accepted or rejected with an error; parsing
// never panics. Accepted settings are only checked, never applied here, so
// the analyzers' flags stay untouched.
func FuzzParseSettings(f *testing.F) {
	for _, seed := range []string{
		`null`, `{}`, `[]`, `"x"`, `{"disable":["httpbody"]}`,
		`{"closecheck":{"strict":true,"resources":[{"acquire":"(*example.com/pool.Pool).Get","release":[".Put"]}]}}`,
		`{"closecheck":{"resources":[{"acquire":1}]}}`,
		`{"httpbody":{"strict":"yes"}}`, `{"nosuchcheck":{}}`,
		`{"sqlclose":{"rowserr":false},"disable":"goroutineleak"}`,
	} {
		f.Add(seed)
	}
	all := analyzers.All()
	f.Fuzz(func(t *testing.T, data string) {
		var raw any
		if json.Unmarshal([]byte(data), &raw) != nil {
			return
		}
		cfg, err := Parse(raw, all)
		if err == nil && cfg == nil {
			t.Fatalf("no error and no settings for %s", data)
		}
		if err != nil && err.Error() == "" {
			t.Fatalf("empty error for %s", data)
		}
	})
}
