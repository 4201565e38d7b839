module leakvet.test/realbugs/pkg-term

go 1.26

require github.com/pkg/term v1.2.0-beta.2

require golang.org/x/sys v0.0.0-20200909081042-eff7692f9009 // indirect
