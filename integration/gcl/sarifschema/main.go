// Command sarifschema validates SARIF logs against the SARIF 2.1.0 JSON
// schema. The end-to-end tests run it on leakvet -sarif output; it lives
// in this module because its validator is one of golangci-lint's own
// dependencies and stays out of leakvet's.
//
//	sarifschema SCHEMA.json LOG.sarif...
package main

import (
	"fmt"
	"os"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: sarifschema SCHEMA.json LOG.sarif...")
		os.Exit(2)
	}
	schema, err := compile(os.Args[1])
	if err != nil {
		fmt.Fprintf(os.Stderr, "sarifschema: %v\n", err)
		os.Exit(2)
	}
	failed := false
	for _, name := range os.Args[2:] {
		if err := validate(schema, name); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", name, err)
			failed = true
		}
	}
	if failed {
		os.Exit(1)
	}
}

func compile(path string) (*jsonschema.Schema, error) {
	doc, err := load(path)
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	// The schema's own id is a web address; registering the document
	// under it keeps the compiler from fetching anything.
	const id = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(id, doc); err != nil {
		return nil, err
	}
	return c.Compile(id)
}

func validate(schema *jsonschema.Schema, path string) error {
	doc, err := load(path)
	if err != nil {
		return err
	}
	return schema.Validate(doc)
}

func load(path string) (any, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return jsonschema.UnmarshalJSON(f)
}
