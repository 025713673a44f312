package types

import (
	"encoding/hex"
	"strings"

	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/crypto"

	"cosmossdk.io/errors"
)

// ParseSignature decodes a signature the way ethers v5 splitSignature does
// and returns it as 65 bytes r || s || recovery bit (0 or 1), the form
// go-ethereum's Ecrecover expects. Accepted: "0x" followed by an even number
// of hex digits of either case, encoding 65 bytes with v of 0, 1 or any
// value of at least 27 (recovery bit 1 - v mod 2), or 64 bytes in EIP-2098
// compact form (r || yParity<<255 | s). High s values are kept: ethers
// accepts them.
func ParseSignature(sig string) ([]byte, error) {
	if !strings.HasPrefix(sig, "0x") {
		return nil, errors.Wrap(ErrInvalidSignature, "signature must start with 0x")
	}
	digits := sig[2:]
	if len(digits)%2 != 0 {
		return nil, errors.Wrap(ErrInvalidSignature, "signature has an odd number of hex digits")
	}
	raw, err := hex.DecodeString(digits)
	if err != nil {
		return nil, errors.Wrap(ErrInvalidSignature, "signature is not hex")
	}
	out := make([]byte, crypto.SignatureLength)
	switch len(raw) {
	case 64:
		copy(out, raw)
		out[32] &= 0x7f
		out[64] = raw[32] >> 7
	case 65:
		copy(out, raw[:64])
		v := raw[64]
		switch {
		case v == 0 || v == 1:
			out[64] = v
		case v >= 27:
			out[64] = 1 - v%2
		default:
			return nil, errors.Wrapf(ErrInvalidSignature, "invalid v byte %d", v)
		}
	default:
		return nil, errors.Wrapf(ErrInvalidSignature, "signature has %d bytes, want 64 or 65", len(raw))
	}
	return out, nil
}

// RecoverSigner returns the address whose key produced the signature over the
// content. A signature over other content is not an error: it recovers
// another address, to which Kiwistand attributes the message.
func (m SignedMessage) RecoverSigner() (common.Address, error) {
	sig, err := ParseSignature(m.Signature)
	if err != nil {
		return common.Address{}, err
	}
	digest, err := m.Digest()
	if err != nil {
		return common.Address{}, err
	}
	return RecoverDigest(digest, sig)
}

// RecoverDigest recovers the signer of a 32-byte digest from a signature in
// the form ParseSignature returns.
func RecoverDigest(digest, sig []byte) (common.Address, error) {
	pub, err := crypto.Ecrecover(digest, sig)
	if err != nil {
		return common.Address{}, errors.Wrap(ErrInvalidSignature, err.Error())
	}
	key, err := crypto.UnmarshalPubkey(pub)
	if err != nil {
		return common.Address{}, errors.Wrap(ErrInvalidSignature, err.Error())
	}
	return crypto.PubkeyToAddress(*key), nil
}
