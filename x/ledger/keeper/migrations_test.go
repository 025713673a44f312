package keeper_test

import (
	"encoding/binary"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/x/ledger/keeper"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// writeVersion1History gives bob the history ledger consensus version 1
// recorded for a transfer to carol, with the ids of its sequential counter
// (a SEND entry and a FEE entry of its own), and sets the counter past them.
func writeVersion1History(t *testing.T, f *fixture, next uint64) {
	t.Helper()
	c, err := f.keeper.GetCurrency(f.ctx, garden)
	require.NoError(t, err)
	set := func(id uint64, e types.Entry) {
		e.CommunityId, e.Height, e.Time = garden, 1, f.ctx.BlockTime()
		e.DebtChange = sdkmath.ZeroInt()
		require.NoError(t, f.keeper.History.Set(f.ctx, collections.Join3(f.accAddr("bob"), c.Denom, math.MaxUint64-id), e))
	}
	set(2, types.Entry{Type: types.EntryTypeSend, Counterparty: f.addr("carol"), Amount: sdkmath.NewInt(100)})
	set(3, types.Entry{Type: types.EntryTypeFee, Counterparty: f.addr("alice"), Amount: sdkmath.NewInt(1)})
	f.ctx.KVStore(f.env.Keys[types.StoreKey]).Set(types.NextEntryIDKey.Bytes(), binary.BigEndian.AppendUint64(nil, next))
}

func TestMigrate1to2_KeepsTheHistoryBelowNewEntries(t *testing.T) {
	f := newGardenWith(t, func(m *types.MsgCreateCurrency) { m.FeeBps = 100 })
	f.issue(t, garden, "alice", "bob", 50*unit)
	writeVersion1History(t, f, 4)
	before := f.history(t, "bob")
	require.Len(t, before, 3)

	f.ctx = f.ctx.WithBlockHeight(40)
	require.NoError(t, keeper.NewMigrator(f.keeper).Migrate1to2(f.ctx))
	require.Nil(t, f.ctx.KVStore(f.env.Keys[types.StoreKey]).Get(types.NextEntryIDKey.Bytes()), "the counter is gone")
	require.Equal(t, before, f.history(t, "bob"), "the history is untouched, FEE entry included")

	f.pay(t, "bob", "carol", unit)
	after := f.history(t, "bob")
	require.Len(t, after, 4)
	require.Equal(t, types.EntryTypeSend, after[0].Type, "the new transfer comes first")
	require.Equal(t, sdkmath.NewInt(100), after[0].Fee)
	require.Equal(t, int64(40), after[0].Height)
	require.GreaterOrEqual(t, after[0].Id, types.FirstEntryIDAt(40))
	require.Equal(t, before, after[1:], "then everything recorded before, newest first")
	require.Equal(t, []uint64{3, 2}, []uint64{after[2].Id, after[3].Id})
	require.True(t, after[2].Fee.IsZero(), "an old entry reads with no fee")

	exported, err := f.keeper.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate(), "old and new entries export together")
	require.Greater(t, exported.NextEntryId, after[0].Id)
}

func TestMigrate1to2_RefusesACounterPastTheUpgradeBlock(t *testing.T) {
	f := newGarden(t)
	f.ctx = f.ctx.WithBlockHeight(3)
	writeVersion1History(t, f, types.FirstEntryIDAt(3)+1)
	err := keeper.NewMigrator(f.keeper).Migrate1to2(f.ctx)
	require.ErrorIs(t, err, types.ErrTooManyEntries)
	require.NotNil(t, f.ctx.KVStore(f.env.Keys[types.StoreKey]).Get(types.NextEntryIDKey.Bytes()))
}

func TestMigrate1to2_WithoutACounterChangesNothing(t *testing.T) {
	f := newGarden(t)
	before := f.history(t, "bob")
	require.NoError(t, keeper.NewMigrator(f.keeper).Migrate1to2(f.ctx))
	require.Equal(t, before, f.history(t, "bob"))
}
