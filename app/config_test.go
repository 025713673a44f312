package app_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/app"
)

// The app scopes the SDK config once per process, and Kizuna's prefixes are
// set in the config of that scope, the one every later GetConfig returns.
func TestConfigScope_HoldsKizunaPrefixes(t *testing.T) {
	require.Equal(t, app.ConfigScope, os.Getenv(sdk.EnvConfigScope))
	cfg := sdk.GetConfig()
	require.Same(t, cfg, sdk.GetConfig())
	require.Equal(t, app.AccountAddressPrefix, cfg.GetBech32AccountAddrPrefix())
	require.Equal(t, app.AccountAddressPrefix+"valoper", cfg.GetBech32ValidatorAddrPrefix())
	require.Equal(t, uint32(app.CoinType), cfg.GetCoinType())
}
