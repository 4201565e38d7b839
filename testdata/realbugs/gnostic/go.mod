module leakvet.test/realbugs/gnostic

go 1.26

require github.com/googleapis/gnostic v0.2.0

require (
	github.com/golang/protobuf v1.5.4 // indirect
	google.golang.org/protobuf v1.33.0 // indirect
	gopkg.in/yaml.v2 v2.4.0 // indirect
)
