package resource

// Database sessions: each unreleased value pins a pooled connection.
var sqlKinds = []*Kind{}

var sqlAcquirers = []Acquirer{}
