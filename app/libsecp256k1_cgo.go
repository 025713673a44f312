//go:build cgo && !gofuzz

package app

import gethsecp256k1 "github.com/ethereum/go-ethereum/crypto/secp256k1"

// haveLibsecp256k1 is true in a binary built with cgo, which links
// libsecp256k1 through go-ethereum.
const haveLibsecp256k1 = true

// libsecp256k1Verify reports whether sig (R || S, low S) is the signature of
// hash by the compressed public key pub.
func libsecp256k1Verify(pub, hash, sig []byte) bool {
	return gethsecp256k1.VerifySignature(pub, hash, sig)
}
