// Command mainprog starts process-long goroutines from main, which is
// fine, and leaks one elsewhere.
package main

import (
	"context"
	"log"
	"net/http"
	"time"
)

func main() {
	go func() {
		for {
			time.Sleep(time.Minute)
			log.Print("still alive")
		}
	}()
	go serveMetrics()
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	log.Print(lookup(ctx))
	log.Fatal(http.ListenAndServe(":8080", nil))
}

func serveMetrics() {
	for {
		time.Sleep(time.Second)
	}
}

func lookup(ctx context.Context) string {
	ch := make(chan string)
	go func() { // want `goroutine blocks forever sending on ch: the caller can return at line 39 without receiving`
		ch <- "answer"
	}()
	select {
	case <-ctx.Done():
		return ""
	case s := <-ch:
		return s
	}
}
