package keeper_test

import (
	"encoding/binary"
	"testing"

	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// endBlocks runs n blocks after the fixture's, each with a transfer from bob
// to carol, ending each (its entries go to the journal) without indexing.
func (f *fixture) endBlocks(t *testing.T, n int) {
	t.Helper()
	for range n {
		f.ctx = f.ctx.WithBlockHeight(f.ctx.BlockHeight() + 1)
		f.pay(t, "bob", "carol", unit)
		require.NoError(t, f.keeper.EndBlock(f.ctx))
	}
}

// page runs the History query for bob.
func (f *fixture) page(t *testing.T, p *query.PageRequest) *types.QueryHistoryResponse {
	t.Helper()
	res, err := f.query.History(f.ctx, &types.QueryHistoryRequest{Address: f.addr("bob"), CommunityId: garden, Pagination: p})
	require.NoError(t, err)
	return res
}

// ids lists the ids of bob's history as the pages of limit entries give
// them, following next_key, in either order.
func (f *fixture) pagedIDs(t *testing.T, limit uint64, reverse bool) []uint64 {
	t.Helper()
	var ids []uint64
	var key []byte
	for {
		res := f.page(t, &query.PageRequest{Key: key, Limit: limit, Reverse: reverse})
		require.LessOrEqual(t, uint64(len(res.Entries)), limit)
		for _, e := range res.Entries {
			ids = append(ids, e.Id)
		}
		if key = res.Pagination.NextKey; key == nil {
			return ids
		}
	}
}

// Whatever the history index holds (nothing, all, part, or what an older
// journal epoch or a later height left), the History query gives the same
// answers: the index is a cache of the journal.
func TestHistoryIndex_AnswersAsTheJournal(t *testing.T) {
	f := newGarden(t)
	f.issue(t, garden, "alice", "bob", 100*unit)
	require.NoError(t, f.keeper.EndBlock(f.ctx))
	f.endBlocks(t, 6)
	f.pay(t, "bob", "carol", unit) // recorded, not yet in the journal
	n, err := f.keeper.BlockEntryCount(f.ctx)
	require.NoError(t, err)
	require.Equal(t, 2, n)

	want := f.pagedIDs(t, 200, false)
	require.Len(t, want, 8, "the issue and seven transfers")
	for i := 1; i < len(want); i++ {
		require.Greater(t, want[i-1], want[i], "newest first")
	}
	check := func(what string) {
		t.Helper()
		for _, limit := range []uint64{1, 3, 8, 100} {
			require.Equal(t, want, f.pagedIDs(t, limit, false), "%s: pages of %d", what, limit)
			reversed := f.pagedIDs(t, limit, true)
			require.Len(t, reversed, len(want))
			for i := range reversed {
				require.Equal(t, want[len(want)-1-i], reversed[i], "%s: pages of %d, oldest first", what, limit)
			}
		}
		res := f.page(t, &query.PageRequest{Offset: 2, Limit: 3, CountTotal: true})
		require.Equal(t, uint64(len(want)), res.Pagination.Total, what)
		require.Equal(t, want[2:5], idsOf(res.Entries), what)
		require.Equal(t, binary.BigEndian.AppendUint64(nil, want[5]), res.Pagination.NextKey, what)
		res = f.page(t, &query.PageRequest{Offset: 7, Limit: 3, CountTotal: true})
		require.Equal(t, want[7:], idsOf(res.Entries), what)
		require.Nil(t, res.Pagination.NextKey, what)
	}
	check("no index")

	require.NoError(t, f.keeper.IndexHistory(f.ctx.WithBlockHeight(f.ctx.BlockHeight()-3)))
	_, covered, built, err := f.keeper.HistoryIndexCovers()
	require.NoError(t, err)
	require.True(t, built)
	require.Equal(t, f.ctx.BlockHeight()-3, covered)
	check("an index three blocks behind")

	require.NoError(t, f.keeper.IndexHistory(f.ctx))
	_, covered, _, err = f.keeper.HistoryIndexCovers()
	require.NoError(t, err)
	require.Equal(t, f.ctx.BlockHeight(), covered)
	check("an index of every committed block")

	// A query at an earlier height lists what had been recorded by then.
	earlier := f.ctx.BlockHeight() - 2
	past := f.ctx
	f.ctx = f.ctx.WithBlockHeight(earlier)
	var below []uint64
	for _, id := range want {
		if types.EntryIDHeight(id) <= earlier {
			below = append(below, id)
		}
	}
	require.Equal(t, below, f.pagedIDs(t, 2, false), "an index ahead of the query's height")
	f.ctx = past

	// A rollback: the state is back at an earlier height than the index.
	require.NoError(t, f.keeper.IndexHistory(f.ctx.WithBlockHeight(earlier)))
	_, covered, _, err = f.keeper.HistoryIndexCovers()
	require.NoError(t, err)
	require.Equal(t, earlier, covered, "rebuilt for the state's height")
	check("an index rebuilt after a rollback")

	// A new journal epoch (an upgrade rewrote the journal): the old index
	// is not read, and is rebuilt.
	epochBefore, err := f.keeper.JournalEpoch.Get(f.ctx)
	require.NoError(t, err)
	require.NoError(t, f.keeper.RenumberEntries(f.ctx))
	want = f.pagedIDs(t, 200, false)
	require.Len(t, want, 8)
	require.Less(t, want[0], types.FirstEntryIDAt(1), "renumbered from 1")
	check("an index of another epoch")
	require.NoError(t, f.keeper.IndexHistory(f.ctx))
	epoch, covered, _, err := f.keeper.HistoryIndexCovers()
	require.NoError(t, err)
	require.Equal(t, [2]int64{epochBefore + 1, f.ctx.BlockHeight()}, [2]int64{epoch, covered})
	check("an index rebuilt for the new epoch")

	// An index of another layout (an older node's) is not read, and is
	// rebuilt.
	require.NoError(t, f.keeper.SetHistoryIndexMeta([]byte{0xff, 1, 2}))
	_, _, built, err = f.keeper.HistoryIndexCovers()
	require.NoError(t, err)
	require.False(t, built)
	check("an index of another layout")
	require.NoError(t, f.keeper.IndexHistory(f.ctx))
	_, covered, built, err = f.keeper.HistoryIndexCovers()
	require.NoError(t, err)
	require.True(t, built)
	require.Equal(t, f.ctx.BlockHeight(), covered)
	check("an index rebuilt in this layout")
}

func TestHistory_RefusesBadPageKeys(t *testing.T) {
	f := newGarden(t)
	for _, p := range []*query.PageRequest{
		{Key: []byte{1, 2, 3}},
		{Key: make([]byte, 9)},
		{Key: make([]byte, 8), Offset: 1},
	} {
		_, err := f.query.History(f.ctx, &types.QueryHistoryRequest{Address: f.addr("bob"), CommunityId: garden, Pagination: p})
		require.ErrorIs(t, err, types.ErrInvalidRequest, "%v", p)
	}
}

func idsOf(entries []types.Entry) []uint64 {
	ids := make([]uint64, 0, len(entries))
	for _, e := range entries {
		ids = append(ids, e.Id)
	}
	return ids
}

// Reading the history index costs gas like reading the store: the query gas
// limit bounds what a History query may walk.
func TestHistoryIndex_ReadsCostGas(t *testing.T) {
	f := newGarden(t)
	f.issue(t, garden, "alice", "bob", 100*unit)
	f.endBlocks(t, 20)
	require.NoError(t, f.keeper.IndexHistory(f.ctx))

	used := func(p *query.PageRequest) uint64 {
		ctx := f.ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
		_, err := f.query.History(ctx, &types.QueryHistoryRequest{Address: f.addr("bob"), CommunityId: garden, Pagination: p})
		require.NoError(t, err)
		return ctx.GasMeter().GasConsumed()
	}
	one, all := used(&query.PageRequest{Limit: 1}), used(&query.PageRequest{Limit: 1, CountTotal: true})
	require.GreaterOrEqual(t, all, one+19*storetypes.KVGasConfig().IterNextCostFlat, "counting walks every entry")

	ctx := f.ctx.WithGasMeter(storetypes.NewGasMeter(one + 10))
	require.Panics(t, func() {
		_, _ = f.query.History(ctx, &types.QueryHistoryRequest{
			Address: f.addr("bob"), CommunityId: garden, Pagination: &query.PageRequest{Limit: 1, CountTotal: true},
		})
	}, "out of gas")
}
