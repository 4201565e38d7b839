package memlayers

import (
	"io"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"memlayers/filelayer"
	"memlayers/static"
)

// layersOfSliceNotClosed: every element of the slice literal is a layer
// over bytes; the readers of any of them are io.NopCloser over memory.
func layersOfSliceNotClosed(a, b []byte) (int, error) {
	layers := []v1.Layer{static.NewLayer(a), static.NewLayer(b)}
	n := 0
	for _, l := range layers {
		rc, err := l.Uncompressed()
		if err != nil {
			return n, err
		}
		data, err := io.ReadAll(rc)
		if err != nil {
			return n, err
		}
		n += len(data)
	}
	return n, nil
}

// layersOfMixedSliceNotClosed: one element is a layer of a file.
func layersOfMixedSliceNotClosed(a []byte, path string) (int, error) {
	layers := []v1.Layer{static.NewLayer(a), filelayer.NewLayer(path)}
	rc, err := layers[1].Uncompressed() // want `layer reader from layers\[...\].Uncompressed is not closed when returning at line 38`
	if err != nil {
		return 0, err
	}
	data, err := io.ReadAll(rc)
	return len(data), err
}

// layersHandedOnNotClosed: the slice goes to a function that may store
// another layer in it.
func layersHandedOnNotClosed(a []byte, fill func([]v1.Layer)) (int, error) {
	layers := []v1.Layer{static.NewLayer(a)}
	fill(layers)
	rc, err := layers[0].Uncompressed() // want `layer reader from layers\[...\].Uncompressed is not closed when returning at line 51`
	if err != nil {
		return 0, err
	}
	data, err := io.ReadAll(rc)
	return len(data), err
}

// layerOptions holds the layer to read.
type layerOptions struct {
	layer v1.Layer
	name  string
}

// optionLayerNotClosed: the options literal's layer is a layer over
// bytes.
func optionLayerNotClosed(a []byte) (int, error) {
	opts := &layerOptions{layer: static.NewLayer(a), name: "a"}
	rc, err := opts.layer.Compressed()
	if err != nil {
		return 0, err
	}
	data, err := io.ReadAll(rc)
	return len(data), err
}

// optionLayerReplacedNotClosed: the options are handed to a function that
// may set another layer.
func optionLayerReplacedNotClosed(a []byte, apply func(*layerOptions)) (int, error) {
	opts := &layerOptions{layer: static.NewLayer(a)}
	apply(opts)
	rc, err := opts.layer.Compressed() // want `layer reader from opts.layer.Compressed is not closed when returning at line 82`
	if err != nil {
		return 0, err
	}
	data, err := io.ReadAll(rc)
	return len(data), err
}
