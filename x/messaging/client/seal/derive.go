package seal

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
)

// KeySize is the size of X25519 keys.
const KeySize = keySize

// derivationDomain separates the messaging key from any other use of the
// signature it is hashed from.
const derivationDomain = "kizuna/messaging/x25519/v1"

// DerivationText is the text an account signs to derive its messaging key
// of a version. Any wallet that signs arbitrary data (ADR-036, Keplr's
// signArbitrary) signs it; the signature is deterministic (RFC 6979), so
// every client of the account derives the same key, and a rotation is the
// next version.
func DerivationText(version uint32) string {
	return fmt.Sprintf("Kizuna messaging key #%d\n\nSigning this text creates the key that opens your Kizuna messages. "+
		"Sign it only in a Kizuna app.", version)
}

// SignDoc returns the ADR-036 sign doc of DerivationText(version) for
// signer, serialized as Keplr and CosmJS serialize amino sign docs (keys
// sorted, no spaces): the bytes a secp256k1 key signs to derive the key.
func SignDoc(signer string, version uint32) []byte {
	type value struct {
		Data   string `json:"data"`
		Signer string `json:"signer"`
	}
	type msg struct {
		Type  string `json:"type"`
		Value value  `json:"value"`
	}
	type fee struct {
		Amount []struct{} `json:"amount"`
		Gas    string     `json:"gas"`
	}
	doc := struct {
		AccountNumber string `json:"account_number"`
		ChainID       string `json:"chain_id"`
		Fee           fee    `json:"fee"`
		Memo          string `json:"memo"`
		Msgs          []msg  `json:"msgs"`
		Sequence      string `json:"sequence"`
	}{
		AccountNumber: "0",
		Fee:           fee{Amount: []struct{}{}, Gas: "0"},
		Msgs: []msg{{Type: "sign/MsgSignData", Value: value{
			Data:   base64.StdEncoding.EncodeToString([]byte(DerivationText(version))),
			Signer: signer,
		}}},
		Sequence: "0",
	}
	bz, err := json.Marshal(doc)
	if err != nil {
		// The document holds only strings: it always marshals.
		panic(err)
	}
	return bz
}

// SecretFromSignature derives the X25519 secret key from the 64-byte
// secp256k1 signature (r || s) of SignDoc.
func SecretFromSignature(signature []byte) ([KeySize]byte, error) {
	if len(signature) != 64 {
		return [KeySize]byte{}, fmt.Errorf("a secp256k1 signature is 64 bytes, got %d", len(signature))
	}
	return sha256.Sum256(append([]byte(derivationDomain), signature...)), nil
}
