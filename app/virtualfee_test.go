package app_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	"github.com/kizuna-chain/kizuna/app"
	"github.com/kizuna-chain/kizuna/testutil/apptest"
)

// The fees of a block's transactions reach the fee collector at the end of
// the block, all of them, and the balances add up to the supply then.
func TestVirtualFees_CreditedAtEndOfBlock(t *testing.T) {
	c := apptest.New(t, []string{"alice", "bob", "carol"}, nil)
	collector := c.App.AccountKeeper.GetModuleAddress(authtypes.FeeCollectorName)

	fees := []int64{1_000, 2_345}
	txs := [][]byte{
		c.Sign(t, "alice", apptest.TxOptions{Fee: sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, fees[0]))}, send(c, t, "alice", "carol")),
		c.Sign(t, "bob", apptest.TxOptions{Fee: sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, fees[1]))}, send(c, t, "bob", "carol")),
	}
	aliceBefore := c.Balance(c.Account(t, "alice").Addr, app.BondDenom)
	for _, res := range c.NextBlock(t, txs...) {
		require.Zero(t, res.Code, res.Log)
	}
	// The block's own start handed the earlier fees to x/distribution; what
	// the collector holds now is exactly this block's.
	require.Equal(t, sdkmath.NewInt(fees[0]+fees[1]), c.Balance(collector, app.BondDenom))
	require.Equal(t, aliceBefore.SubRaw(fees[0]+1), c.Balance(c.Account(t, "alice").Addr, app.BondDenom))

	ctx := c.Ctx()
	total := sdk.NewCoins()
	c.App.BankKeeper.IterateAllBalances(ctx, func(_ sdk.AccAddress, coin sdk.Coin) bool {
		total = total.Add(coin)
		return false
	})
	supply, _, err := c.App.BankKeeper.GetPaginatedTotalSupply(ctx, nil)
	require.NoError(t, err)
	require.Equal(t, supply.String(), total.String(), "balances do not add up to the supply")

	// The next block's start distributes them.
	c.NextBlock(t)
	require.True(t, c.Balance(collector, app.BondDenom).IsZero())
}

// A transaction that fails after paying its fee still pays it, once.
func TestVirtualFees_FailedTransactionPays(t *testing.T) {
	c := apptest.New(t, []string{"alice", "bob"}, nil)
	collector := c.App.AccountKeeper.GetModuleAddress(authtypes.FeeCollectorName)
	alice := c.Account(t, "alice").Addr
	before := c.Balance(alice, app.BondDenom)
	tooMuch := sdk.NewCoins(sdk.NewCoin(app.BondDenom, before.MulRaw(2)))
	fee := int64(5_000)
	res := c.NextBlock(t, c.Sign(t, "alice", apptest.TxOptions{Fee: sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, fee))},
		sendCoins(c, t, "alice", "bob", tooMuch)))[0]
	require.NotZero(t, res.Code)
	require.Equal(t, before.SubRaw(fee), c.Balance(alice, app.BondDenom))
	require.Equal(t, sdkmath.NewInt(fee), c.Balance(collector, app.BondDenom))
}

// The ante handler takes the fee from the payer at once and leaves the
// fee collector's balance alone until x/bank's end blocker.
func TestVirtualFees_CollectorUntouchedDuringTheBlock(t *testing.T) {
	c := apptest.New(t, []string{"alice", "bob"}, nil)
	collector := c.App.AccountKeeper.GetModuleAddress(authtypes.FeeCollectorName)
	alice := c.Account(t, "alice").Addr
	fee := int64(7_000)
	txBytes := c.Sign(t, "alice", apptest.TxOptions{Fee: sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, fee))}, send(c, t, "alice", "bob"))
	tx, err := c.App.TxConfig().TxDecoder()(txBytes)
	require.NoError(t, err)

	ctx, _ := c.WriteCtx().CacheContext()
	ctx = ctx.WithExecMode(sdk.ExecModeFinalize).WithTxBytes(txBytes).WithBlockHeight(c.App.LastBlockHeight() + 1)
	collectorBefore, aliceBefore := c.App.BankKeeper.GetBalance(ctx, collector, app.BondDenom), c.App.BankKeeper.GetBalance(ctx, alice, app.BondDenom)
	_, err = c.App.AnteHandler()(ctx, tx, false)
	require.NoError(t, err)
	require.Equal(t, aliceBefore.SubAmount(sdkmath.NewInt(fee)), c.App.BankKeeper.GetBalance(ctx, alice, app.BondDenom))
	require.Equal(t, collectorBefore, c.App.BankKeeper.GetBalance(ctx, collector, app.BondDenom), "the fee collector was written mid-block")

	require.NoError(t, c.App.BankKeeper.CreditVirtualAccounts(ctx))
	require.Equal(t, collectorBefore.AddAmount(sdkmath.NewInt(fee)), c.App.BankKeeper.GetBalance(ctx, collector, app.BondDenom))
}
