module leakvet.test/realbugs/langchaingo

go 1.26

require github.com/tmc/langchaingo v0.1.13
