package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

func TestInvariants_HoldOnABusyLedger(t *testing.T) {
	f := newBusyMarket(t)
	for _, inv := range f.keeper.Invariants() {
		msg, broken := inv.Check(f.ctx)
		require.False(t, broken, "%s: %s", inv.Name, msg)
	}
	res, err := f.query.Invariants(f.ctx, &types.QueryInvariantsRequest{})
	require.NoError(t, err)
	require.Equal(t, []string{
		"supply", "created-total", "decayed-total", "bridged-totals", "debt-total", "account-records", "credit-limits", "max-balances",
		"mutual-credit-sum", "monthly-created", "monthly-cap", "payment-requests",
	}, res.Checked)
	require.Empty(t, res.Broken)
}

func TestSupplyInvariant_DetectsCurrencyMintedOutsideTheLedger(t *testing.T) {
	f := newBusyMarket(t)
	stray := sdk.NewCoins(sdk.NewInt64Coin(gdd, 1))
	require.NoError(t, f.env.Bank.MintCoins(f.ctx, types.ModuleName, stray))

	msg, broken := f.keeper.SupplyInvariant(f.ctx)
	require.True(t, broken)
	require.Contains(t, msg, "cc/1/GDD: bank supply")
	require.ErrorContains(t, f.keeper.CheckInvariants(f.ctx), "supply")
	res, err := f.query.Invariants(f.ctx, &types.QueryInvariantsRequest{})
	require.NoError(t, err)
	require.Len(t, res.Broken, 1)
	require.Equal(t, "supply", res.Broken[0].Name)

	require.NoError(t, f.env.Bank.BurnCoins(f.ctx, types.ModuleName, stray))
	require.NoError(t, f.keeper.CheckInvariants(f.ctx))
}

func TestCreatedTotalInvariant_DetectsATotalOffItsEntries(t *testing.T) {
	f := newBusyMarket(t)
	total, err := f.keeper.Created.Get(f.ctx, garden)
	require.NoError(t, err)
	require.NoError(t, f.keeper.Created.Set(f.ctx, garden, total.AddRaw(1)))

	_, broken := f.keeper.CreatedTotalInvariant(f.ctx)
	require.True(t, broken)
	_, broken = f.keeper.SupplyInvariant(f.ctx)
	require.True(t, broken)

	require.NoError(t, f.keeper.Created.Set(f.ctx, garden, total))
	require.NoError(t, f.keeper.Created.Set(f.ctx, 7, sdkmath.OneInt()))
	msg, broken := f.keeper.CreatedTotalInvariant(f.ctx)
	require.True(t, broken)
	require.Contains(t, msg, "community 7 has a created total but no currency")
	require.NoError(t, f.keeper.Created.Remove(f.ctx, 7))
}

func TestMonthlyCreatedInvariant_DetectsAMiscount(t *testing.T) {
	f := newBusyMarket(t)
	key := collections.Join3(garden, f.accAddr("carol"), uint32(mustMonth(t, "2025-03")))
	used, err := f.keeper.MonthlyCreated.Get(f.ctx, key)
	require.NoError(t, err)

	require.NoError(t, f.keeper.MonthlyCreated.Set(f.ctx, key, used.AddRaw(1)))
	msg, broken := f.keeper.MonthlyCreatedInvariant(f.ctx)
	require.True(t, broken)
	require.Contains(t, msg, "for 2025-03")

	require.NoError(t, f.keeper.MonthlyCreated.Remove(f.ctx, key))
	msg, broken = f.keeper.MonthlyCreatedInvariant(f.ctx)
	require.True(t, broken)
	require.Contains(t, msg, "counted nothing")

	require.NoError(t, f.keeper.MonthlyCreated.Set(f.ctx, key, used))
}

func TestBridgedTotalsInvariant_DetectsTotalsWithoutEntries(t *testing.T) {
	f := newBusyMarket(t)
	for _, c := range []struct {
		totals collections.Map[uint64, sdkmath.Int]
		want   string
	}{
		{f.keeper.BridgedOut, "bridged-out total 1, BRIDGE out entries 0"},
		{f.keeper.BridgedBack, "bridged-back total 1, BRIDGE in and refund entries 0"},
	} {
		require.NoError(t, c.totals.Set(f.ctx, garden, sdkmath.OneInt()))
		msg, broken := f.keeper.BridgedTotalsInvariant(f.ctx)
		require.True(t, broken)
		require.Contains(t, msg, c.want)
		_, broken = f.keeper.SupplyInvariant(f.ctx)
		require.True(t, broken, "the supply counts the bridged totals")
		require.NoError(t, c.totals.Remove(f.ctx, garden))
	}
	require.NoError(t, f.keeper.BridgedBack.Set(f.ctx, 7, sdkmath.OneInt()))
	msg, broken := f.keeper.BridgedTotalsInvariant(f.ctx)
	require.True(t, broken)
	require.Contains(t, msg, "community 7 has a bridged-back total but no currency")
	require.NoError(t, f.keeper.BridgedBack.Remove(f.ctx, 7))
}
