// Package pin pins github.com/go-ldap/ldap/v3@v3.4.13 for the real-bugs benchmark
// (see ../bugs.json). It is never built or analysed.
package pin

import (
	_ "github.com/go-ldap/ldap/v3"
)
