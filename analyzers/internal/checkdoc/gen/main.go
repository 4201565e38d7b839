// Command gen writes docs/checks/NAME.md for every check from its doc.go
// (through Analyzer.Doc) and its flags. Run it with go generate in
// analyzers/.
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"

	"github.com/leakvet/leakvet/analyzers"
	"github.com/leakvet/leakvet/analyzers/internal/checkdoc"
)

func main() {
	out := flag.String("o", "docs/checks", "directory of the check pages")
	flag.Parse()
	for _, a := range analyzers.All() {
		if err := os.WriteFile(filepath.Join(*out, a.Name+".md"), checkdoc.Page(a), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
