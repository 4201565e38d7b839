module leakvet.test/realbugs/backoff

go 1.26

require github.com/lestrrat-go/backoff/v2 v2.0.7

require github.com/lestrrat-go/option v1.0.0 // indirect
