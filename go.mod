module github.com/leakvet/leakvet

go 1.26
