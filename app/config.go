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
