module leakvet.test/realbugs/gval

go 1.26

require github.com/PaesslerAG/gval v1.2.2

require github.com/shopspring/decimal v1.3.1 // indirect
