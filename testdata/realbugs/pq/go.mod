module leakvet.test/realbugs/pq

go 1.26

require github.com/lib/pq v1.0.0
