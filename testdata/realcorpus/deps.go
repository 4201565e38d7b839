// The packages below are imported only by main and internal packages of
// the corpus modules, which corpus.go cannot import; naming them keeps
// their modules in go.mod and go.sum.

package realcorpus

import (
	_ "github.com/alecthomas/jsonschema"
	_ "github.com/c2h5oh/datasize"
	_ "github.com/denisenkom/go-mssqldb"
	_ "github.com/mitchellh/cli"
	_ "github.com/olekukonko/tablewriter"
	_ "go.opentelemetry.io/contrib/zpages"
	_ "go.yaml.in/yaml/v4"
	_ "gopkg.in/yaml.v2"
)
