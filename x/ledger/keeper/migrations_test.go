package keeper_test

import (
	"encoding/binary"
	"math"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/types/query"

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
		require.NoError(t, f.keeper.HistoryV2.Set(f.ctx, collections.Join3(f.accAddr("bob"), c.Denom, math.MaxUint64-id), e))
	}
	set(2, types.Entry{Type: types.EntryTypeSend, Counterparty: f.addr("carol"), Amount: sdkmath.NewInt(100)})
	set(3, types.Entry{Type: types.EntryTypeFee, Counterparty: f.addr("alice"), Amount: sdkmath.NewInt(1)})
	f.ctx.KVStore(f.env.Keys[types.StoreKey]).Set(types.NextEntryIDKey.Bytes(), binary.BigEndian.AppendUint64(nil, next))
}

// versionTwoHistory returns the entries HistoryV2 holds for the named
// accounts (all when none is named), newest first within each account.
func versionTwoHistory(t *testing.T, f *fixture, names ...string) []types.Entry {
	t.Helper()
	var entries []types.Entry
	require.NoError(t, f.keeper.HistoryV2.Walk(f.ctx, nil, func(key keeper.HistoryKey, e types.Entry) (bool, error) {
		e = f.keeper.EntryAt(key, e)
		if len(names) == 0 || slices.ContainsFunc(names, func(n string) bool { return f.addr(n) == e.Account }) {
			entries = append(entries, e)
		}
		return false, nil
	}))
	return entries
}

func TestMigrate1to2_KeepsTheHistoryAndDeletesTheCounter(t *testing.T) {
	f := newGarden(t)
	writeVersion1History(t, f, 4)
	before := versionTwoHistory(t, f)
	require.Len(t, before, 2)

	f.ctx = f.ctx.WithBlockHeight(40)
	require.NoError(t, keeper.NewMigrator(f.keeper).Migrate1to2(f.ctx))
	require.Nil(t, f.ctx.KVStore(f.env.Keys[types.StoreKey]).Get(types.NextEntryIDKey.Bytes()), "the counter is gone")
	require.Equal(t, before, versionTwoHistory(t, f), "the history is untouched, FEE entry included")
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
	writeVersion1History(t, f, 4)
	f.ctx.KVStore(f.env.Keys[types.StoreKey]).Delete(types.NextEntryIDKey.Bytes())
	before := versionTwoHistory(t, f)
	require.NoError(t, keeper.NewMigrator(f.keeper).Migrate1to2(f.ctx))
	require.Equal(t, before, versionTwoHistory(t, f))
}

// TestMigrate2to3_MovesTheHistoryIntoTheJournal runs both migrations over a
// history of version 1 (sequential ids, a FEE entry) and version 2 (ids from
// heights, across enough entries for several journal leaves): the per-account
// entries are gone, the journal holds them all whole, and the History query
// lists them as before, below what the chain records next.
func TestMigrate2to3_MovesTheHistoryIntoTheJournal(t *testing.T) {
	f := newGardenWith(t, func(m *types.MsgCreateCurrency) { m.FeeBps = 100 })
	c, err := f.keeper.GetCurrency(f.ctx, garden)
	require.NoError(t, err)
	writeVersion1History(t, f, 4)
	const many = 2500 // three leaves of journalChunk
	for i := range uint64(many) {
		id := types.FirstEntryIDAt(int64(2+i/100)) + i%100
		require.NoError(t, f.keeper.HistoryV2.Set(f.ctx, collections.Join3(f.accAddr("carol"), c.Denom, math.MaxUint64-id), types.Entry{
			Type: types.EntryTypeReceive, CommunityId: garden, Counterparty: f.addr("bob"),
			Amount: sdkmath.NewInt(int64(i + 1)), DebtChange: sdkmath.ZeroInt(), Height: types.EntryIDHeight(id),
		}))
	}
	bobBefore := versionTwoHistory(t, f, "bob")
	require.Equal(t, []uint64{3, 2}, []uint64{bobBefore[0].Id, bobBefore[1].Id})
	require.Equal(t, bobBefore, f.history(t, "bob"), "a query of the state before the upgrade reads its layout")
	res, err := f.query.History(f.ctx, &types.QueryHistoryRequest{
		Address: f.addr("carol"), CommunityId: garden, Pagination: &query.PageRequest{Limit: 10, CountTotal: true},
	})
	require.NoError(t, err)
	require.Equal(t, uint64(many), res.Pagination.Total)
	require.Len(t, res.Entries, 10)

	f.ctx = f.ctx.WithBlockHeight(40)
	epochBefore, err := f.keeper.JournalEpoch.Get(f.ctx)
	require.NoError(t, err)
	m := keeper.NewMigrator(f.keeper)
	require.NoError(t, m.Migrate1to2(f.ctx))
	require.NoError(t, m.Migrate2to3(f.ctx))

	require.Empty(t, versionTwoHistory(t, f), "the per-account layout is gone")
	leaves := 0
	require.NoError(t, f.keeper.Journal.Walk(f.ctx, nil, func(first uint64, leaf types.JournalBlock) (bool, error) {
		require.Equal(t, first, leaf.Entries[0].Id, "a leaf is stored under its first entry's id")
		require.LessOrEqual(t, len(leaf.Entries), 1024)
		leaves++
		return false, nil
	}))
	require.Equal(t, 3, leaves)
	epoch, err := f.keeper.JournalEpoch.Get(f.ctx)
	require.NoError(t, err)
	require.Equal(t, epochBefore+1, epoch, "the rewrite starts a journal epoch: indexes rebuild")

	require.Equal(t, bobBefore, f.history(t, "bob"), "bob's history reads as before, FEE entry included")
	res, err = f.query.History(f.ctx, &types.QueryHistoryRequest{
		Address: f.addr("carol"), CommunityId: garden, Pagination: &query.PageRequest{Limit: 200, CountTotal: true},
	})
	require.NoError(t, err)
	require.Equal(t, uint64(many), res.Pagination.Total)
	require.Equal(t, sdkmath.NewInt(many), res.Entries[0].Amount, "carol's newest entry first")

	f.issue(t, garden, "alice", "bob", 50*unit)
	f.pay(t, "bob", "carol", unit)
	after := f.history(t, "bob")
	require.Len(t, after, 4)
	require.Equal(t, types.EntryTypeSend, after[0].Type, "the new transfer comes first")
	require.Equal(t, sdkmath.NewInt(100), after[0].Fee)
	require.GreaterOrEqual(t, after[0].Id, types.FirstEntryIDAt(40))
	require.Equal(t, types.EntryTypeCreation, after[1].Type)
	require.Equal(t, bobBefore, after[2:], "then everything recorded before, newest first")
	require.True(t, after[2].Fee.IsZero(), "an old entry reads with no fee")

	exported, err := f.keeper.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, exported.Validate(), "old and new entries export together")
	require.Len(t, exported.Entries, many+2+3)
	require.Greater(t, exported.NextEntryId, after[0].Id)
}
