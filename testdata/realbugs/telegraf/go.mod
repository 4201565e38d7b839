module leakvet.test/realbugs/telegraf

go 1.26

require github.com/influxdata/telegraf v1.25.3

require (
	github.com/gobwas/glob v0.2.3 // indirect
	github.com/pkg/errors v0.9.1 // indirect
	github.com/safchain/ethtool v0.0.0-20210803160452-9aa261dae9b1 // indirect
	github.com/vishvananda/netns v0.0.2 // indirect
	golang.org/x/sys v0.5.0 // indirect
)
