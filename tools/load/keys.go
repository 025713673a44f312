package load

import (
	"fmt"
	"os"
	"strings"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	cryptocodec "github.com/cosmos/cosmos-sdk/crypto/codec"
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	cryptotypes "github.com/cosmos/cosmos-sdk/crypto/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/tx/signing"

	"github.com/kizuna-chain/kizuna/app"
)

// Key signs transactions of one account in SIGN_MODE_DIRECT.
type Key interface {
	// PubKey is the account's public key.
	PubKey() cryptotypes.PubKey
	// Sign signs the bytes of a SignDoc.
	Sign(signDoc []byte) ([]byte, error)
}

// privKey is a Key held in memory.
type privKey struct {
	priv cryptotypes.PrivKey
}

func (k privKey) PubKey() cryptotypes.PubKey { return k.priv.PubKey() }

func (k privKey) Sign(signDoc []byte) ([]byte, error) { return k.priv.Sign(signDoc) }

// MnemonicKey returns the key of the first account (m/44'/118'/0'/0/0) of a
// BIP-39 mnemonic, as `kizunad keys add --recover` derives it.
func MnemonicKey(mnemonic string) (Key, error) {
	path := hd.CreateHDPath(app.CoinType, 0, 0).String()
	derived, err := hd.Secp256k1.Derive()(strings.TrimSpace(mnemonic), "", path)
	if err != nil {
		return nil, fmt.Errorf("deriving a key from the mnemonic: %w", err)
	}
	return privKey{priv: hd.Secp256k1.Generate()(derived)}, nil
}

// keyringKey is a Key kept in a kizunad keyring.
type keyringKey struct {
	kr   keyring.Keyring
	name string
	pub  cryptotypes.PubKey
}

func (k keyringKey) PubKey() cryptotypes.PubKey { return k.pub }

func (k keyringKey) Sign(signDoc []byte) ([]byte, error) {
	sig, _, err := k.kr.Sign(k.name, signDoc, signing.SignMode_SIGN_MODE_DIRECT)
	return sig, err
}

// KeyringKey returns the key called name in the keyring of a kizunad home
// directory (the keyring-<backend> folder inside dir), e.g. the "validator"
// key of a localnet node with backend "test".
func KeyringKey(dir, backend, name string) (Key, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("keyring directory: %w", err)
	}
	registry := codectypes.NewInterfaceRegistry()
	cryptocodec.RegisterInterfaces(registry)
	kr, err := keyring.New(sdk.KeyringServiceName(), backend, dir, os.Stdin, codec.NewProtoCodec(registry))
	if err != nil {
		return nil, fmt.Errorf("opening the %s keyring in %s: %w", backend, dir, err)
	}
	record, err := kr.Key(name)
	if err != nil {
		return nil, fmt.Errorf("key %q in the %s keyring of %s: %w", name, backend, dir, err)
	}
	pub, err := record.GetPubKey()
	if err != nil {
		return nil, fmt.Errorf("key %q: %w", name, err)
	}
	if _, ok := pub.(*secp256k1.PubKey); !ok {
		return nil, fmt.Errorf("key %q is a %s key; only secp256k1 keys are supported", name, pub.Type())
	}
	return keyringKey{kr: kr, name: name, pub: pub}, nil
}

// loadAccountKey derives the key of load account i from seed. The same seed
// always gives the same accounts, so a rerun finds them funded already.
func loadAccountKey(seed string, i int) Key {
	return privKey{priv: secp256k1.GenPrivKeyFromSecret(fmt.Appendf(nil, "kizuna-load/%s/%d", seed, i))}
}
