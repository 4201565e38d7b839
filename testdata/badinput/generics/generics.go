// Package generics exercises type parameters around resources.
package generics

import (
	"io"
	"net/http"
	"os"
)

type Pool[T io.Closer] struct{ items []T }

func (p *Pool[T]) Put(v T) { p.items = append(p.items, v) }

func (p *Pool[T]) CloseAll() {
	for _, v := range p.items {
		v.Close()
	}
}

func Map[T, U any](xs []T, f func(T) U) []U {
	out := make([]U, 0, len(xs))
	for _, x := range xs {
		out = append(out, f(x))
	}
	return out
}

func Release[C io.Closer](c C) error { return c.Close() }

// Kept by a generic pool: not a leak.
func Keep(p *Pool[*os.File], path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	p.Put(f)
	return nil
}

// Released by a generic helper: not a leak.
func Status(url string) (int, error) {
	resp, err := http.Get(url)
	if err != nil {
		return 0, err
	}
	defer Release(resp.Body)
	return resp.StatusCode, nil
}

// A real leak among generics.
func Sizes(paths []string) []int64 {
	return Map(paths, func(p string) int64 {
		f, err := os.Open(p)
		if err != nil {
			return -1
		}
		fi, err := f.Stat()
		if err != nil {
			return -1
		}
		return fi.Size()
	})
}
