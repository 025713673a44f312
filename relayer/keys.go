package relayer

import (
	"crypto/ecdsa"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"
	"github.com/google/uuid"

	"github.com/cosmos/cosmos-sdk/crypto"
	"github.com/cosmos/cosmos-sdk/crypto/keys/secp256k1"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/contracts"
	bridgetypes "github.com/kizuna-chain/kizuna/x/bridge/types"
)

// Key file names that `keys init` writes into its directory.
const (
	CosmosKeyName   = "orchestrator.armor"
	EthereumKeyName = "ethereum.json"
)

// Keys are the relayer's two keys: the orchestrator account that signs
// chain transactions and the Ethereum key the validator registered, which
// signs what the contract checks and pays for relayed transactions.
type Keys struct {
	Cosmos   *secp256k1.PrivKey
	Ethereum *ecdsa.PrivateKey
}

// Orchestrator is the orchestrator account's address.
func (k Keys) Orchestrator() sdk.AccAddress { return sdk.AccAddress(k.Cosmos.PubKey().Address()) }

// EthereumAddress is the Ethereum key's address.
func (k Keys) EthereumAddress() common.Address {
	return ethcrypto.PubkeyToAddress(k.Ethereum.PublicKey)
}

// ReadPassword returns the first line of a password file.
func ReadPassword(path string) (string, error) {
	bz, err := os.ReadFile(filepath.Clean(path))
	if err != nil {
		return "", fmt.Errorf("password file: %w", err)
	}
	line, _, _ := strings.Cut(string(bz), "\n")
	line = strings.TrimRight(line, "\r")
	if line == "" {
		return "", fmt.Errorf("password file %s has an empty first line", path)
	}
	return line, nil
}

// LoadKeys decrypts the key files of cfg with the password file's
// passphrase.
func LoadKeys(cfg Config) (Keys, error) {
	password, err := ReadPassword(cfg.PasswordFile)
	if err != nil {
		return Keys{}, err
	}
	armor, err := os.ReadFile(cfg.CosmosKeyFile)
	if err != nil {
		return Keys{}, fmt.Errorf("orchestrator key: %w", err)
	}
	priv, algo, err := crypto.UnarmorDecryptPrivKey(string(armor), password)
	if err != nil {
		return Keys{}, fmt.Errorf("orchestrator key %s: %w", cfg.CosmosKeyFile, err)
	}
	cosmosKey, ok := priv.(*secp256k1.PrivKey)
	if !ok {
		return Keys{}, fmt.Errorf("orchestrator key %s is %s, want secp256k1", cfg.CosmosKeyFile, algo)
	}
	ethJSON, err := os.ReadFile(cfg.EthereumKeyFile)
	if err != nil {
		return Keys{}, fmt.Errorf("ethereum key: %w", err)
	}
	ethKey, err := keystore.DecryptKey(ethJSON, password)
	if err != nil {
		return Keys{}, fmt.Errorf("ethereum key %s: %w", cfg.EthereumKeyFile, err)
	}
	return Keys{Cosmos: cosmosKey, Ethereum: ethKey.PrivateKey}, nil
}

// InitKeys creates both keys in dir, encrypted with password, and refuses
// to overwrite existing ones. scryptN and scryptP are the keystore's KDF
// cost (keystore.StandardScryptN/P for keys that guard value).
func InitKeys(dir, password string, scryptN, scryptP int) (Keys, error) {
	if password == "" {
		return Keys{}, errors.New("an empty passphrase would leave the keys unprotected")
	}
	cosmosPath, ethPath := filepath.Join(dir, CosmosKeyName), filepath.Join(dir, EthereumKeyName)
	for _, p := range []string{cosmosPath, ethPath} {
		if _, err := os.Stat(p); err == nil {
			return Keys{}, fmt.Errorf("%s exists; keys are never overwritten", p)
		}
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Keys{}, err
	}
	keys := Keys{Cosmos: secp256k1.GenPrivKey()}
	ethKey, err := ethcrypto.GenerateKey()
	if err != nil {
		return Keys{}, err
	}
	keys.Ethereum = ethKey
	armor := crypto.EncryptArmorPrivKey(keys.Cosmos, password, "secp256k1")
	id, err := uuid.NewRandom()
	if err != nil {
		return Keys{}, err
	}
	ethJSON, err := keystore.EncryptKey(&keystore.Key{Id: id, Address: keys.EthereumAddress(), PrivateKey: ethKey}, password, scryptN, scryptP)
	if err != nil {
		return Keys{}, err
	}
	if err := os.WriteFile(cosmosPath, []byte(armor), 0o600); err != nil {
		return Keys{}, err
	}
	if err := os.WriteFile(ethPath, ethJSON, 0o600); err != nil {
		return Keys{}, err
	}
	return keys, nil
}

// RegistrationSignature is the Ethereum key's signature that
// MsgRegisterEthereumKey carries: it proves to the chain that the key
// belongs to validator and its orchestrator account.
func RegistrationSignature(chainID string, validator sdk.ValAddress, orchestrator sdk.AccAddress, key *ecdsa.PrivateKey) ([]byte, error) {
	return contracts.Sign(bridgetypes.RegistrationHash(bridgetypes.BridgeID(chainID), validator, orchestrator), key)
}
