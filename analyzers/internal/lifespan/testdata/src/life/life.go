package main

import (
	"net/http"
	"sync"
)

func prepare() {} // want `prepare: once`

func load() {} // want `load: once`

func handle(w http.ResponseWriter, r *http.Request) { helper() } // want `handle: run time`

func helper() {} // want `helper: run time`

func both() {} // want `both: start-up and run time`

func serve(c int) {} // want `serve: start-up and run time`

func worker() {} // want `worker: run time`

var once sync.Once

func lazy() {} // want `lazy: once`

func fromInit() {} // want `fromInit: once`

func init() { fromInit() } // want `init: once`

func main() { // want `main: once`
	prepare()
	load()
	both()
	once.Do(lazy)
	http.HandleFunc("/", handle)
	go worker()
	for {
		serve(1)
	}
}

func Serve(w http.ResponseWriter, r *http.Request) { both() } // want `Serve: run time`
