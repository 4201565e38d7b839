// Command feedstat prints the number of records and the price range of a
// price feed.
package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"log"
	"os"
	"strconv"
)

// main reads the feed named by the first argument. The process exits
// right after, which closes the file.
func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: feedstat FILE")
		os.Exit(2)
	}
	f, err := os.Open(os.Args[1])
	if err != nil {
		log.Fatal(err)
	}
	cr := csv.NewReader(f)
	var n int
	var lo, hi int64 = -1, 0
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatal(err)
		}
		cents, err := strconv.ParseInt(rec[1], 10, 64)
		if err != nil {
			continue
		}
		n++
		if lo < 0 || cents < lo {
			lo = cents
		}
		hi = max(hi, cents)
	}
	fmt.Printf("%d records, %d..%d cents\n", n, lo, hi)
}
