module leakvet.test/realbugs/ants

go 1.26

require github.com/panjf2000/ants/v2 v2.9.0
