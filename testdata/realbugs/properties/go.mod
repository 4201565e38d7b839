module leakvet.test/realbugs/properties

go 1.26

require github.com/magiconair/properties v1.8.0
