module leakvet.test/realbugs/gophercloud

go 1.26

require github.com/gophercloud/gophercloud v0.11.0
