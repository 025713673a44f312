package types

import (
	"bytes"

	"golang.org/x/crypto/curve25519"
)

// lowOrderProbe is any fixed scalar: X25519 of it with a low-order point is
// zero whatever the scalar, and X25519 refuses a zero result.
var lowOrderProbe = bytes.Repeat([]byte{0x4b}, curve25519.ScalarSize)

// ValidateMessagingKey checks a published X25519 public key: 32 bytes and
// not a low-order point, for which every shared secret is zero and a box
// sealed for it is readable by anyone.
func ValidateMessagingKey(pub []byte) error {
	if len(pub) != MessagingKeySize {
		return ErrInvalidKey.Wrapf("a messaging key is %d bytes, got %d", MessagingKeySize, len(pub))
	}
	if _, err := curve25519.X25519(lowOrderProbe, pub); err != nil {
		return ErrInvalidKey.Wrap("the key is a low-order point: every secret shared with it is zero")
	}
	return nil
}
