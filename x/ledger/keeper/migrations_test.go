package keeper_test

import (
	"encoding/binary"
	"math"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
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

func TestRenumberEntries_ForAZeroHeightExport(t *testing.T) {
	f := newBusyMarket(t)
	writeVersion1History(t, f, 4) // ids 2 and 3 of version 1 among derived ones
	f.ctx = f.ctx.WithBlockHeight(9).WithTxIndex(4)
	request := f.request(t, "carol", "bob", unit)
	_, err := f.accept("bob", request)
	require.NoError(t, err)
	before := map[string][]types.Entry{}
	for _, name := range []string{"bob", "carol", "alice"} {
		before[name] = f.history(t, name)
	}

	require.NoError(t, f.keeper.RenumberEntries(f.ctx))

	exported, err := f.keeper.ExportGenesis(f.ctx)
	require.NoError(t, err)
	for i, e := range exported.Entries {
		require.Equal(t, types.FirstEntryID+uint64(i), e.Id, "numbered from 1 in the order recorded")
	}
	require.NoError(t, exported.Validate(), "contributions and payment requests name the new ids")
	for name, entries := range before {
		after := f.history(t, name)
		require.Len(t, after, len(entries))
		for i := range entries {
			require.Less(t, after[i].Id, types.FirstEntryIDAt(1))
			entries[i].Id = after[i].Id
		}
		require.Equal(t, entries, after, "%s's history, newest first as before", name)
	}
	require.Equal(t, before["bob"][0].Id, f.paymentRequest(t, request).EntryId)

	// A new chain from the export starts at height 1.
	env := keepertest.LedgerKeeper(t)
	communityState, err := f.env.Community.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, env.Community.InitGenesis(env.Ctx, communityState))
	env.Bank.InitGenesis(env.Ctx, withPrefix(t, f.env.Bank.ExportGenesis(f.ctx), keepertest.Bech32AccountPrefix))
	require.NoError(t, env.Keeper.InitGenesis(env.Ctx.WithBlockHeight(1), exported))
}
