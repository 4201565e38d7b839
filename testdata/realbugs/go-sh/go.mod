module leakvet.test/realbugs/go-sh

go 1.26

require github.com/codeskyblue/go-sh v0.0.0-20170112005953-b097669b1569

require github.com/codegangsta/inject v0.0.0-20150114235600-33e0aa1cb7c0 // indirect
