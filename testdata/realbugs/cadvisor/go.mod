module leakvet.test/realbugs/cadvisor

go 1.26

require github.com/google/cadvisor v0.51.0

require (
	github.com/go-logr/logr v1.4.1 // indirect
	golang.org/x/sys v0.21.0 // indirect
	k8s.io/klog/v2 v2.100.1 // indirect
)
