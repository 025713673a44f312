package relayer

import (
	"crypto/ecdsa"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ethereum/go-ethereum/accounts/keystore"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/common/hexutil"
	ethcrypto "github.com/ethereum/go-ethereum/crypto"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/contracts"
	bridgetypes "github.com/kizuna-chain/kizuna/x/bridge/types"
)

func TestKeys_InitThenLoadGivesTheSameKeysAndNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	keys, err := InitKeys(dir, "passphrase", keystore.LightScryptN, keystore.LightScryptP)
	if err != nil {
		t.Fatal(err)
	}
	pw := filepath.Join(dir, "password")
	if err := os.WriteFile(pw, []byte("passphrase\nignored\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := Config{CosmosKeyFile: filepath.Join(dir, CosmosKeyName), EthereumKeyFile: filepath.Join(dir, EthereumKeyName), PasswordFile: pw}
	loaded, err := LoadKeys(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !loaded.Orchestrator().Equals(keys.Orchestrator()) || loaded.EthereumAddress() != keys.EthereumAddress() {
		t.Fatalf("loaded %s/%s, created %s/%s", loaded.Orchestrator(), loaded.EthereumAddress(), keys.Orchestrator(), keys.EthereumAddress())
	}
	for _, name := range []string{CosmosKeyName, EthereumKeyName} {
		info, err := os.Stat(filepath.Join(dir, name))
		if err != nil || info.Mode().Perm() != 0o600 {
			t.Fatalf("%s: %v %v", name, info.Mode(), err)
		}
	}
	if _, err := InitKeys(dir, "passphrase", keystore.LightScryptN, keystore.LightScryptP); err == nil || !strings.Contains(err.Error(), "never overwritten") {
		t.Fatalf("a second init: %v", err)
	}
	if _, err := InitKeys(t.TempDir(), "", keystore.LightScryptN, keystore.LightScryptP); err == nil {
		t.Fatal("an empty passphrase was accepted")
	}
	if err := os.WriteFile(pw, []byte("wrong\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadKeys(cfg); err == nil {
		t.Fatal("a wrong passphrase opened the keys")
	}
}

func TestRegistrationSignature_RecoversToTheKeyForThatValidatorAndChainOnly(t *testing.T) {
	key, err := ethcrypto.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	val, orch := sdk.ValAddress([]byte("validator-address-20")), sdk.AccAddress([]byte("orchestrator-addr-20"))
	sig, err := RegistrationSignature("kizuna-1", val, orch, key)
	if err != nil {
		t.Fatal(err)
	}
	hash := bridgetypes.RegistrationHash(bridgetypes.BridgeID("kizuna-1"), val, orch)
	if got, err := contracts.RecoverSigner(hash, sig); err != nil || got != ethcrypto.PubkeyToAddress(key.PublicKey) {
		t.Fatalf("recovered %s, %v", got, err)
	}
	other := bridgetypes.RegistrationHash(bridgetypes.BridgeID("kizuna-2"), val, orch)
	if got, _ := contracts.RecoverSigner(other, sig); got == ethcrypto.PubkeyToAddress(key.PublicKey) {
		t.Fatal("the signature registers the key on another chain")
	}
}

// testValset is a valset of n members with equal powers, and their keys by
// address.
func testValset(t *testing.T, n int) (bridgetypes.Valset, map[common.Address]*ecdsa.PrivateKey) {
	t.Helper()
	keys := map[common.Address]*ecdsa.PrivateKey{}
	members := make([]bridgetypes.ValsetMember, n)
	for i := range members {
		k, err := ethcrypto.GenerateKey()
		if err != nil {
			t.Fatal(err)
		}
		addr := ethcrypto.PubkeyToAddress(k.PublicKey)
		keys[addr] = k
		members[i] = bridgetypes.ValsetMember{EthereumAddress: addr.Hex(), Power: contracts.PowerTotal / uint64(n)}
	}
	return bridgetypes.NewValset(7, 1, members), keys
}

func TestSignatures_OrdersByMemberAndCountsOnlyValidSignersAboveTwoThirds(t *testing.T) {
	v, keys := testValset(t, 4)
	hash := common.HexToHash("0x1234")
	sign := func(addr common.Address, h common.Hash) string {
		sig, err := contracts.Sign(h, keys[addr])
		if err != nil {
			t.Fatal(err)
		}
		return hexutil.Encode(sig)
	}
	member := func(i int) common.Address { return common.HexToAddress(v.Members[i].EthereumAddress) }

	// Two of four: half the power, not enough.
	confirms := map[common.Address]string{member(3): sign(member(3), hash), member(1): sign(member(1), hash)}
	sigs, enough := signatures(v, hash, confirms)
	if enough || len(sigs) != 4 || sigs[0].V != 0 || sigs[1].V == 0 || sigs[2].V != 0 || sigs[3].V == 0 {
		t.Fatalf("two of four: enough %v, sigs %+v", enough, sigs)
	}
	// A third signature over another hash, and one by a key that is not the
	// member's, are left out.
	confirms[member(0)] = sign(member(0), common.HexToHash("0x99"))
	confirms[member(2)] = sign(member(1), hash)
	if sigs, enough = signatures(v, hash, confirms); enough || sigs[0].V != 0 || sigs[2].V != 0 {
		t.Fatalf("forged confirmations counted: %+v", sigs)
	}
	// Three of four pass.
	confirms[member(2)] = sign(member(2), hash)
	if _, enough = signatures(v, hash, confirms); !enough {
		t.Fatal("three of four are not enough")
	}
}

func TestConfig_ValidateNamesEveryProblem(t *testing.T) {
	cfg := DefaultConfig()
	err := cfg.Validate()
	if err == nil {
		t.Fatal("a config without endpoints or keys is valid")
	}
	for _, want := range []string{"chain_id", "chain_grpc", "ethereum_rpc", "cosmos_key_file", "ethereum_key_file", "password_file", "gas_price"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("no error about %s in %v", want, err)
		}
	}
	cfg = DefaultConfig()
	cfg.ChainID, cfg.ChainGRPC, cfg.EthereumRPC, cfg.GasPrice = "c", "127.0.0.1:9090", "http://127.0.0.1:8545", "0.001ukiz"
	cfg.CosmosKeyFile, cfg.EthereumKeyFile, cfg.PasswordFile = "a", "b", "c"
	if err := cfg.Validate(); err != nil {
		t.Fatalf("a complete config: %v", err)
	}
	cfg.LogRange, cfg.MaxMsgsPerTx, cfg.LogFormat = 0, 0, "xml"
	cfg.MinBatchFees = map[string]string{"not-an-address": "-1"}
	err = cfg.Validate()
	for _, want := range []string{"log_range", "max_msgs_per_tx", "log_format", "not a token address", "non-negative"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("no error about %s in %v", want, err)
		}
	}
}

func TestConfig_WrittenConfigLoadsBackAndUnknownKeysAreRefused(t *testing.T) {
	dir := t.TempDir()
	cfg := DefaultConfig()
	cfg.ChainID, cfg.GasPrice = "kizuna-1", "0.001ukiz"
	cfg.MinBatchFees = map[string]string{"0x2a7Fc56f83F04D55B041cf2a0b6605Ba58eBdf0C": "1000"}
	path := filepath.Join(dir, "config.toml")
	if err := WriteConfig(path, cfg); err != nil {
		t.Fatal(err)
	}
	got, err := LoadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	if got.ChainID != "kizuna-1" || got.PollInterval != cfg.PollInterval || got.minBatchFee(common.HexToAddress("0x2a7fc56f83f04d55b041cf2a0b6605ba58ebdf0c")).Int64() != 1000 {
		t.Fatalf("loaded %+v", got)
	}
	if err := os.WriteFile(path, []byte("chain_id = 'x'\nconfirmation = 3\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadConfig(path); err == nil {
		t.Fatal("a misspelt key was accepted")
	}
}
