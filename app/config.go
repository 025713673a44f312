package app

import (
	"os"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

const (
	// Name is the application name reported over ABCI.
	Name = "kizuna"

	// AccountAddressPrefix is the bech32 human-readable part of account addresses.
	AccountAddressPrefix = "kizuna"

	// BondDenom is the staking and fee denomination (display KIZ, 6 decimals).
	BondDenom = "ukiz"
	// DisplayDenom is the display unit of BondDenom.
	DisplayDenom = "KIZ"
	// BondDenomExponent is the number of decimals between ukiz and KIZ.
	BondDenomExponent = 6

	// CoinType is the SLIP-44 coin type used to derive keys (the Cosmos Hub's).
	CoinType = 118
)

// MinGasPrice is the chain-wide floor on the gas price every transaction pays
// after genesis, whatever a validator configures locally.
var MinGasPrice = sdk.NewDecCoinFromDec(BondDenom, sdkmath.LegacyNewDecWithPrec(1, 3)) // 0.001ukiz

// BlockMaxGas is the block gas limit `kizunad init` writes into genesis
// (consensus params block.max_gas). A node executes about 170 million gas a
// second of ledger transfers on one core (docs/performance.md), so a full
// block runs in about 1.2 s and costs 200 KIZ at the minimum gas price; it
// still holds 1,500 transfers of 130,000 gas. CometBFT's default, -1, lets
// one cheap block take minutes.
const BlockMaxGas int64 = 200_000_000

// QueryGasLimit is the gas limit of one query that `kizunad init` writes
// into app.toml (query-gas-limit): a query reads at most about as much as a
// quarter of a block, however many entries its pages, offsets and counts
// walk.
const QueryGasLimit uint64 = 50_000_000

// setAddressPrefixes configures the global SDK config with Kizuna's bech32
// prefixes and coin type. It is idempotent and must run before any address is
// encoded; callers seal the config afterwards.
func setAddressPrefixes() {
	cfg := sdk.GetConfig()
	cfg.SetBech32PrefixForAccount(AccountAddressPrefix, AccountAddressPrefix+sdk.PrefixPublic)
	cfg.SetBech32PrefixForValidator(AccountAddressPrefix+sdk.PrefixValidator+sdk.PrefixOperator,
		AccountAddressPrefix+sdk.PrefixValidator+sdk.PrefixOperator+sdk.PrefixPublic)
	cfg.SetBech32PrefixForConsensusNode(AccountAddressPrefix+sdk.PrefixValidator+sdk.PrefixConsensus,
		AccountAddressPrefix+sdk.PrefixValidator+sdk.PrefixConsensus+sdk.PrefixPublic)
	cfg.SetCoinType(CoinType)
}

// ConfigScope is the scope of the SDK's global config in a Kizuna process,
// unless COSMOS_SDK_CONFIG_SCOPE names another. Without a scope, every
// sdk.GetConfig call derives one from the host name, the executable's path and
// the pid, a few system calls each time; every address decoded in a
// transaction asks for the config, so this cost a node about a tenth of its
// execution time.
const ConfigScope = "kizuna"

func init() {
	if os.Getenv(sdk.EnvConfigScope) == "" {
		if err := os.Setenv(sdk.EnvConfigScope, ConfigScope); err != nil {
			panic(err)
		}
	}
	setAddressPrefixes()
	sdk.DefaultBondDenom = BondDenom
}

// IndexedEvents are the event attributes a node's tx index keeps by default
// (app.toml's index-events): what apps search with tx_search. Messages'
// payloads are found by thread and sequence; wallets and explorers list an
// account's transactions by signer, by Msg, and its ledger payments. Every
// other attribute (a transfer has about fifty) is left out of the index:
// indexing them all made the index twice the size of the state and its
// compactions the node's largest cost under load (docs/performance.md).
// Transactions are always found by hash and height. An empty list in
// app.toml indexes everything again.
var IndexedEvents = []string{
	"message.sender",
	"message.action",
	"kizuna.ledger.v1.EventTransferred.sender",
	"kizuna.ledger.v1.EventTransferred.recipient",
	"kizuna.messaging.v1.EventMessagePosted.thread_id",
	"kizuna.messaging.v1.EventMessagePosted.seq",
}
