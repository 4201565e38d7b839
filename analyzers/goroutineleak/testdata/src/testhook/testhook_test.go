package testhook

import "testing"

func TestCompact(t *testing.T) {
	ch := make(chan string, 4)
	db := Open(Options{syncChan: ch})
	db.Compact([]int{1, 2})
	if got := <-ch; got != "compacted" {
		t.Fatal(got)
	}
	<-ch
}

func TestPeek(t *testing.T) {
	l := Start()
	defer l.Close()
	l.Put(1, 2)
	p := &peek{id: 1, resp: make(chan int)}
	l.reqs <- p
	if v := <-p.resp; v != 2 {
		t.Fatal(v)
	}
}
