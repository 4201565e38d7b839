module leakvet.test/realbugs/go-elasticsearch7

go 1.26

require github.com/elastic/go-elasticsearch/v7 v7.8.0
