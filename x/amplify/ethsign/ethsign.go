// Package ethsign signs amplify messages and consent proofs with an
// Ethereum key the way a Kiwistand client or MetaMask does
// (eth_signTypedData_v4). The CLI, the load tools and the tests share it;
// the chain itself only verifies.
package ethsign

import (
	"crypto/ecdsa"
	"fmt"
	"os"
	"strings"

	"github.com/ethereum/go-ethereum/common/hexutil"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/ethereum/go-ethereum/signer/core/apitypes"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// Sign signs the content as a Kiwistand client does and returns the message
// with its signature in the usual 65-byte form, v being 27 or 28.
func Sign(content types.Content, key *ecdsa.PrivateKey) (types.SignedMessage, error) {
	digest, err := content.Digest()
	if err != nil {
		return types.SignedMessage{}, err
	}
	sig, err := signDigest(digest, key)
	if err != nil {
		return types.SignedMessage{}, err
	}
	return types.SignedMessage{Content: content, Signature: sig}, nil
}

// SignTypedData signs EIP-712 typed data (a link or delegation proof) and
// returns the 65-byte signature in hex, v being 27 or 28.
func SignTypedData(td apitypes.TypedData, key *ecdsa.PrivateKey) (string, error) {
	digest, _, err := apitypes.TypedDataAndHash(td)
	if err != nil {
		return "", err
	}
	return signDigest(digest, key)
}

func signDigest(digest []byte, key *ecdsa.PrivateKey) (string, error) {
	sig, err := crypto.Sign(digest, key)
	if err != nil {
		return "", err
	}
	sig[64] += 27
	return hexutil.Encode(sig), nil
}

// ReadKey reads a hex secp256k1 private key (with or without 0x,
// surrounding whitespace ignored) from a file.
func ReadKey(name string) (*ecdsa.PrivateKey, error) {
	if name == "" {
		return nil, fmt.Errorf("no Ethereum key file named")
	}
	bz, err := os.ReadFile(name) //nolint:gosec // the user names the key file
	if err != nil {
		return nil, fmt.Errorf("ethereum key file: %w", err)
	}
	key, err := crypto.HexToECDSA(strings.TrimPrefix(strings.TrimSpace(string(bz)), "0x"))
	if err != nil {
		return nil, fmt.Errorf("ethereum key file %s: %w", name, err)
	}
	return key, nil
}
