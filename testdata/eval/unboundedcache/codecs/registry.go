package codecs

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"net/http"
	"sync"
)

var (
	// Codecs by media type, registered at start-up by the packages that
	// implement them.
	codecs = map[string]Codec{}

	// File extensions to media types, filled in init.
	byExtension = map[string]string{}

	// Buffer pools keyed by the full Content-Type header; its parameters
	// are whatever the client sends, so each variant adds a pool.
	pools = map[string]*sync.Pool{} // eval:leak unboundedcache

	// Buffer pools per registered media type, created only for types
	// that have a codec.
	poolsByType = map[string]*sync.Pool{}

	fallback Codec = jsonCodec{}
)

func init() {
	Register("application/json", jsonCodec{})
	Register("application/xml", xmlCodec{})
	byExtension[".json"] = "application/json"
	byExtension[".xml"] = "application/xml"
}

// Register makes c the codec for mediaType.
func Register(mediaType string, c Codec) {
	mu.Lock()
	defer mu.Unlock()
	if _, dup := codecs[mediaType]; dup {
		panic(fmt.Sprintf("codecs: %s registered twice", mediaType))
	}
	codecs[mediaType] = c
}

// Decode reads r's body into v with the codec of its content type.
func Decode(r *http.Request, v any) error {
	ct := r.Header.Get("Content-Type")
	mediaType, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return err
	}
	mu.RLock()
	c, ok := codecs[mediaType]
	mu.RUnlock()
	if !ok {
		return ErrUnsupported
	}

	mu.Lock()
	p, ok := pools[ct]
	if !ok {
		p = &sync.Pool{New: func() any { return new(bytes.Buffer) }}
		pools[ct] = p
	}
	mu.Unlock()
	buf := p.Get().(*bytes.Buffer)
	defer func() {
		buf.Reset()
		p.Put(buf)
	}()
	if _, err := io.Copy(buf, io.LimitReader(r.Body, 1<<20)); err != nil {
		return err
	}
	return c.Decode(buf, v)
}

// DecodeTyped is Decode with pools keyed by the bare media type.
func DecodeTyped(r *http.Request, v any) error {
	mediaType, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return err
	}
	mu.Lock()
	c, ok := codecs[mediaType]
	if !ok {
		mu.Unlock()
		return ErrUnsupported
	}
	p, ok := poolsByType[mediaType]
	if !ok {
		p = &sync.Pool{New: func() any { return new(bytes.Buffer) }}
		poolsByType[mediaType] = p
	}
	mu.Unlock()
	buf := p.Get().(*bytes.Buffer)
	defer func() {
		buf.Reset()
		p.Put(buf)
	}()
	if _, err := io.Copy(buf, io.LimitReader(r.Body, 1<<20)); err != nil {
		return err
	}
	return c.Decode(buf, v)
}

// ForExtension returns the codec for a file extension.
func ForExtension(ext string) Codec {
	mu.RLock()
	defer mu.RUnlock()
	if c, ok := codecs[byExtension[ext]]; ok {
		return c
	}
	return fallback
}
