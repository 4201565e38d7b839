module leakvet.test/realbugs/tusd

go 1.26

require github.com/tus/tusd/v2 v2.6.0

require golang.org/x/exp v0.0.0-20230626212559-97b1e661b5df // indirect
