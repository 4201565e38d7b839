// Package integration holds leakvet's end-to-end tests across its three
// drivers: the leakvet binary, go vet -vettool, and golangci-lint built
// with the leakvet module plugin (the module in gcl/). They must report
// the same findings on the demo service and on every analyzer's test
// fixtures, and golangci-lint settings must reach the same flags.
//
// Building golangci-lint takes minutes on a cold build cache, so the tests
// run only when LEAKVET_E2E is set, as .ci/run does:
//
//	LEAKVET_E2E=1 go test -v ./integration
package integration
