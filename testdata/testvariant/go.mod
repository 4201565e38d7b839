module example.com/testvariant

go 1.26
