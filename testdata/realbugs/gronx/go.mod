module leakvet.test/realbugs/gronx

go 1.26

require github.com/adhocore/gronx v1.8.1
