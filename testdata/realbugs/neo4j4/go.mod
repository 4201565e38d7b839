module leakvet.test/realbugs/neo4j4

go 1.26

require github.com/neo4j/neo4j-go-driver/v4 v4.4.6
