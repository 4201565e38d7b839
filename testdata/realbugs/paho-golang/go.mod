module leakvet.test/realbugs/paho-golang

go 1.26

require github.com/eclipse/paho.golang v0.11.0

require golang.org/x/sync v0.0.0-20201207232520-09787c993a3a // indirect
