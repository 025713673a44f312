package seal

import (
	"fmt"

	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"
)

// FromKeyring derives the X25519 secret key of version of owner's
// messaging key: the keyring key uid (owner's) signs SignDoc, as Keplr's
// signArbitrary and the web app's browser key do, so every client of the
// account derives the same key. A Ledger signs it as an amino-JSON document.
func FromKeyring(kr keyring.Keyring, uid, owner string, version uint32) ([KeySize]byte, error) {
	sig, _, err := kr.Sign(uid, SignDoc(owner, version), signing.SignMode_SIGN_MODE_LEGACY_AMINO_JSON)
	if err != nil {
		return [KeySize]byte{}, fmt.Errorf("deriving the messaging key of %s: %w", uid, err)
	}
	return SecretFromSignature(sig)
}
