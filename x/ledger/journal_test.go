package ledger_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/testutil/apptest"
	"github.com/kizuna-chain/kizuna/x/ledger/keeper"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// A block's entries reach the state as one journal leaf, under the id of its
// first entry, holding what the block's delivered transactions recorded and
// nothing of a failed one; the node's history index answers for the block
// once it is committed.
func TestJournal_OneLeafPerBlock(t *testing.T) {
	c := creditChain(t, 4)
	pay := func(from, to string, amount int64) []byte {
		return c.Sign(t, from, apptest.TxOptions{}, &types.MsgTransfer{
			Sender: c.Addr(t, from), CommunityId: 1, Recipient: c.Addr(t, to), Amount: sdkmath.NewInt(amount),
		})
	}
	res := c.NextBlock(t, pay("m001", "m000", 10), pay("m002", "m003", 1<<60), pay("m003", "m002", 20))
	require.Zero(t, res[0].Code, res[0].Log)
	require.NotZero(t, res[1].Code, "far beyond m002's credit")
	require.Zero(t, res[2].Code, res[2].Log)

	ctx := c.Ctx()
	height := ctx.BlockHeight()
	leaf, err := c.App.LedgerKeeper.Journal.Get(ctx, types.FirstEntryIDAt(height))
	require.NoError(t, err)
	var ids []uint64
	for _, e := range leaf.Entries {
		ids = append(ids, e.Id)
		require.Equal(t, height, e.Height)
	}
	id := func(slot, n uint32) uint64 {
		v, err := types.EntryID(height, slot, n)
		require.NoError(t, err)
		return v
	}
	require.Equal(t, []uint64{id(0, 0), id(0, 1), id(2, 0), id(2, 1)}, ids, "the delivered transfers' SEND and RECEIVE, by id")
	require.Equal(t, []string{c.Addr(t, "m001"), c.Addr(t, "m000"), c.Addr(t, "m003"), c.Addr(t, "m002")},
		[]string{leaf.Entries[0].Account, leaf.Entries[1].Account, leaf.Entries[2].Account, leaf.Entries[3].Account})

	next, err := c.App.LedgerKeeper.Journal.Has(ctx, types.FirstEntryIDAt(height+1))
	require.NoError(t, err)
	require.False(t, next)
	c.Advance(t, 0)
	empty, err := c.App.LedgerKeeper.Journal.Has(c.Ctx(), types.FirstEntryIDAt(height+1))
	require.NoError(t, err)
	require.False(t, empty, "a block without entries writes no leaf")

	history, err := keeper.NewQueryServerImpl(c.App.LedgerKeeper).History(c.Ctx(),
		&types.QueryHistoryRequest{Address: c.Addr(t, "m002"), CommunityId: 1})
	require.NoError(t, err)
	require.Equal(t, id(2, 1), history.Entries[0].Id)
	require.Equal(t, sdkmath.NewInt(20), history.Entries[0].Amount)
}
