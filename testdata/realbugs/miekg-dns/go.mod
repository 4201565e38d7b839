module leakvet.test/realbugs/miekg-dns

go 1.26

require github.com/miekg/dns v1.1.31

require (
	golang.org/x/crypto v0.0.0-20191011191535-87dc89f01550 // indirect
	golang.org/x/net v0.0.0-20190923162816-aa69164e4478 // indirect
	golang.org/x/sys v0.0.0-20190924154521-2837fb4f24fe // indirect
)
