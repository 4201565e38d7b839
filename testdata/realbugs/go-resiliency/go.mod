module leakvet.test/realbugs/go-resiliency

go 1.26

require github.com/eapache/go-resiliency v1.2.0
