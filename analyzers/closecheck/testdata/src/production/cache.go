package production

import "os"

// cachedFile is reference-counted: Close drops this reference.
type cachedFile struct{ f *os.File }

func (c *cachedFile) Close() error { return c.f.Close() }

func openCached(name string) (*cachedFile, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	return &cachedFile{f: f}, nil
}

type fileCache interface {
	Put(name string, c *cachedFile) *cachedFile
}

// serveCached (fasthttp's fsHandler): the file goes to a cache behind an
// interface, which owns it from then on.
func serveCached(cache fileCache, name string) error {
	c, err := openCached(name)
	if err != nil {
		return err
	}
	c = cache.Put(name, c)
	_ = c
	return nil
}

type namer interface{ Name(string) string }

// serveNamed hands the cache only the name: the file is still this
// function's to release.
func serveNamed(n namer, name string) error {
	c, err := openCached(name) // want `\*cachedFile from openCached is not closed when returning at line 44`
	if err != nil {
		return err
	}
	_ = n.Name(c.f.Name())
	return nil
}
