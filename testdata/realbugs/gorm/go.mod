module leakvet.test/realbugs/gorm

go 1.26

require gorm.io/gorm v1.20.0

require (
	github.com/jinzhu/inflection v1.0.0 // indirect
	github.com/jinzhu/now v1.1.1 // indirect
)
