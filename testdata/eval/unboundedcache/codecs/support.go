// Package codecs decodes request bodies by content type.
package codecs

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"sync"
)

// ErrUnsupported is returned for a content type with no codec.
var ErrUnsupported = errors.New("codecs: unsupported content type")

var mu sync.RWMutex

// Codec decodes one media type.
type Codec interface {
	Decode(r io.Reader, v any) error
}

type jsonCodec struct{}

func (jsonCodec) Decode(r io.Reader, v any) error { return json.NewDecoder(r).Decode(v) }

type xmlCodec struct{}

func (xmlCodec) Decode(r io.Reader, v any) error { return xml.NewDecoder(r).Decode(v) }
