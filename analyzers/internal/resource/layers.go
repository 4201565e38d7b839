package resource

// Container image layers (go-containerregistry): a layer's contents are
// read through an io.ReadCloser that each call opens afresh (a file, a
// registry blob's response body, a decompressing pipe with its
// goroutine) and that the caller must close. The layer is an interface,
// so no body shows it; its documented contract is listed here.
var layerKinds = []*Kind{
	// Type is left empty: the reader is a plain io.ReadCloser, and the
	// kind must not claim every io.ReadCloser parameter of the program.
	{ID: "v1.LayerReader", Check: "closecheck", Noun: "layer reader",
		Release: []string{"Close"}, ReleaseText: "Close"},
}

var layerAcquirers = []Acquirer{
	{Func: "(github.com/google/go-containerregistry/pkg/v1.Layer).Compressed", Kind: "v1.LayerReader", Why: "documented: returns an io.ReadCloser for the compressed contents, opened per call"},
	{Func: "(github.com/google/go-containerregistry/pkg/v1.Layer).Uncompressed", Kind: "v1.LayerReader", Why: "documented: returns an io.ReadCloser for the uncompressed contents, opened per call"},
}
