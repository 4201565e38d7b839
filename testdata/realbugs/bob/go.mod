module leakvet.test/realbugs/bob

go 1.26

require github.com/stephenafamo/bob v0.48.0

require (
	github.com/qdm12/reprint v0.0.0-20200326205758-722754a53494 // indirect
	github.com/stephenafamo/scan v0.7.0 // indirect
)
