package app_test

import (
	"encoding/binary"
	"math"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	upgradetypes "github.com/cosmos/cosmos-sdk/x/upgrade/types"

	"github.com/kizuna-chain/kizuna/testutil/apptest"
	ledgerkeeper "github.com/kizuna-chain/kizuna/x/ledger/keeper"
	ledgertypes "github.com/kizuna-chain/kizuna/x/ledger/types"
)

// TestUpgradeV2_KeepsTheLedgerHistory runs the v2 upgrade as a node does:
// a chain whose ledger is at consensus version 1, with history recorded by
// the sequential counter (a FEE entry beside its SEND), schedules v2; at
// the plan's height x/upgrade runs the handler of Upgrades. The counter is
// gone, the ledger is at version 2, and the history reads as before.
func TestUpgradeV2_KeepsTheLedgerHistory(t *testing.T) {
	c := apptest.New(t, []string{"alice", "bob"}, nil)
	a := c.App
	member, other := c.Account(t, "alice").Addr, c.Addr(t, "bob")
	const denom = "cc/1/KAG"

	// The state ledger version 1 left.
	ctx := c.WriteCtx()
	for id, e := range map[uint64]ledgertypes.Entry{
		1: {Type: ledgertypes.EntryTypeCreation, Counterparty: other, Amount: sdkmath.NewInt(500), Month: "2026-01"},
		2: {Type: ledgertypes.EntryTypeSend, Counterparty: other, Amount: sdkmath.NewInt(100)},
		3: {Type: ledgertypes.EntryTypeFee, Counterparty: other, Amount: sdkmath.NewInt(1)},
	} {
		e.CommunityId, e.Height, e.Time, e.DebtChange = 1, 1, c.Time, sdkmath.ZeroInt()
		require.NoError(t, a.LedgerKeeper.History.Set(ctx, collections.Join3(member, denom, math.MaxUint64-id), e))
	}
	ctx.KVStore(a.GetKey(ledgertypes.StoreKey)).Set(ledgertypes.NextEntryIDKey.Bytes(), binary.BigEndian.AppendUint64(nil, 4))
	versions := a.ModuleManager.GetVersionMap()
	versions[ledgertypes.ModuleName] = 1
	require.NoError(t, a.UpgradeKeeper.SetModuleVersionMap(ctx, versions))
	// The plan's height is the next block's: before it, x/upgrade stops a
	// binary that already has the plan's handler.
	upgradeHeight := a.LastBlockHeight() + 1
	require.NoError(t, a.UpgradeKeeper.ScheduleUpgrade(ctx, upgradetypes.Plan{Name: "v2", Height: upgradeHeight}))
	history := func(ctx sdk.Context) []ledgertypes.Entry {
		res, err := ledgerkeeper.NewQueryServerImpl(a.LedgerKeeper).History(ctx, &ledgertypes.QueryHistoryRequest{Address: member.String(), Denom: denom})
		require.NoError(t, err)
		return res.Entries
	}
	before := history(ctx)
	require.Equal(t, []uint64{3, 2, 1}, []uint64{before[0].Id, before[1].Id, before[2].Id})

	c.Advance(t, time.Second)

	ctx = c.Ctx()
	done, err := a.UpgradeKeeper.GetDoneHeight(ctx, "v2")
	require.NoError(t, err)
	require.Equal(t, upgradeHeight, done)
	versions, err = a.UpgradeKeeper.GetModuleVersionMap(ctx)
	require.NoError(t, err)
	require.Equal(t, uint64(2), versions[ledgertypes.ModuleName])
	require.Nil(t, ctx.KVStore(a.GetKey(ledgertypes.StoreKey)).Get(ledgertypes.NextEntryIDKey.Bytes()), "the counter is gone")
	require.Equal(t, before, history(ctx), "the history reads as before, newest first")
}
