package resource

// Files, connections, processes and other closers.
var closeKinds = []*Kind{}

var closeAcquirers = []Acquirer{}
