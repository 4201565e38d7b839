module leakvet.test/realbugs/sentry-go

go 1.26

require github.com/getsentry/sentry-go v0.9.0
