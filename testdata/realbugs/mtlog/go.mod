module leakvet.test/realbugs/mtlog

go 1.26

require github.com/willibrandon/mtlog v0.8.1
