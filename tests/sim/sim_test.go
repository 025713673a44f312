// Package sim_test runs the chain simulation (testutil/sim): a short run in
// `make test`, long runs over several seeds in `make test-sim`.
package sim_test

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/testutil/apptest"
	"github.com/kizuna-chain/kizuna/testutil/sim"
	bridgetypes "github.com/kizuna-chain/kizuna/x/bridge/types"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

// TestSimulation_Short simulates 60 blocks with every invariant checked
// after each block, and requires that the ledger's and the bridge's core
// Msgs were delivered along the way, that balances decayed and that members
// paid on credit.
func TestSimulation_Short(t *testing.T) {
	report, err := sim.Run(t, sim.Config{Seed: 7, Blocks: 60})
	t.Log(report)
	require.NoError(t, err)
	for _, msg := range []sdk.Msg{
		&ledgertypes.MsgCreateCurrency{}, &ledgertypes.MsgIssue{}, &ledgertypes.MsgTransfer{}, &ledgertypes.MsgRequestPayment{},
		&bridgetypes.MsgRegisterCurrencyToken{}, &bridgetypes.MsgSendToEthereum{}, &bridgetypes.MsgConfirmBatch{},
		&bridgetypes.MsgBatchExecutedClaim{}, &bridgetypes.MsgDepositClaim{},
	} {
		require.Positive(t, report.Delivered[sdk.MsgTypeURL(msg)], "%s was never delivered", sdk.MsgTypeURL(msg))
	}
	require.True(t, report.Decayed.IsPositive(), "decay burned nothing")
	require.True(t, report.Debt.IsPositive(), "nobody paid on credit")
}

// TestSimulation_Long simulates KIZUNA_SIM_BLOCKS blocks (default 500) for
// each seed of KIZUNA_SIM_SEEDS (default 1,2,3); `make test-sim` runs it.
func TestSimulation_Long(t *testing.T) {
	if os.Getenv("KIZUNA_SIM_LONG") == "" {
		t.Skip("the long simulation runs in make test-sim (KIZUNA_SIM_LONG=1)")
	}
	blocks := 500
	if s := os.Getenv("KIZUNA_SIM_BLOCKS"); s != "" {
		n, err := strconv.Atoi(s)
		require.NoError(t, err)
		blocks = n
	}
	seeds := "1,2,3"
	if s := os.Getenv("KIZUNA_SIM_SEEDS"); s != "" {
		seeds = s
	}
	for _, s := range strings.Split(seeds, ",") {
		seed, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		require.NoError(t, err)
		t.Run("seed="+s, func(t *testing.T) {
			report, err := sim.Run(t, sim.Config{Seed: seed, Blocks: blocks, InvariantsEvery: 10})
			t.Log(report)
			require.NoError(t, err)
			require.True(t, report.Decayed.IsPositive(), "decay burned nothing")
			require.GreaterOrEqual(t, len(report.Policies), 3, "currencies of at least three policies")
		})
	}
}

// TestSimulation_FailsOnABrokenInvariant breaks the supply on purpose, as a
// bug that minted currency outside the ledger would, and requires the
// simulation to stop at that block with the supply invariant named.
func TestSimulation_FailsOnABrokenInvariant(t *testing.T) {
	broken := int64(0)
	_, err := sim.Run(t, sim.Config{Seed: 7, Blocks: 60, AfterBlock: func(height int64, ctx sdk.Context, chain *apptest.Chain) {
		if broken != 0 {
			return
		}
		var denom string
		_ = chain.App.LedgerKeeper.Currencies.Walk(ctx, nil, func(_ uint64, c ledgertypes.Currency) (bool, error) {
			denom = c.Denom
			return true, nil
		})
		if denom == "" {
			return
		}
		coins := sdk.NewCoins(sdk.NewCoin(denom, sdkmath.NewInt(1)))
		require.NoError(t, chain.App.BankKeeper.MintCoins(ctx, ledgertypes.ModuleName, coins))
		broken = height
	}})
	require.NotZero(t, broken, "no currency was created to break")
	require.Error(t, err)
	require.Contains(t, err.Error(), "supply:")
	require.Contains(t, err.Error(), "height "+strconv.FormatInt(broken, 10))
}
