module leakvet.test/realbugs/beego

go 1.26

require github.com/beego/beego/v2 v2.2.0
