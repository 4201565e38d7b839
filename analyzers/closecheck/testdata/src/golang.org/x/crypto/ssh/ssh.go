// Package ssh is a minimal stand-in for golang.org/x/crypto/ssh: an
// authentication method made from a callback that lists signers.
package ssh

type Signer interface{ PublicKey() []byte }

type AuthMethod interface{ method() string }

type publicKeyCallback func() ([]Signer, error)

func (publicKeyCallback) method() string { return "publickey" }

// PublicKeysCallback returns an AuthMethod that calls getSigners when it
// authenticates.
func PublicKeysCallback(getSigners func() (signers []Signer, err error)) AuthMethod {
	return publicKeyCallback(getSigners)
}
