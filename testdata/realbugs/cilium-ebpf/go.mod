module leakvet.test/realbugs/cilium-ebpf

go 1.26

require github.com/cilium/ebpf v0.17.1

require golang.org/x/sys v0.26.0 // indirect
