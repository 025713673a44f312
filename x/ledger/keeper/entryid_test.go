package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

func entryID(t *testing.T, height int64, slot, n uint32) uint64 {
	t.Helper()
	id, err := types.EntryID(height, slot, n)
	require.NoError(t, err)
	return id
}

func TestRecordEntry_IDsFromHeightAndTransaction(t *testing.T) {
	f := newGardenWith(t, func(m *types.MsgCreateCurrency) { m.FeeBps = 100 })
	f.ctx = f.ctx.WithBlockHeight(5).WithTxIndex(0)
	f.issue(t, garden, "alice", "bob", 50*unit)
	f.ctx = f.ctx.WithTxIndex(3)
	f.pay(t, "bob", "carol", unit)
	f.pay(t, "bob", "carol", unit) // a second Msg of the same transaction

	bob, carol := f.history(t, "bob"), f.history(t, "carol")
	require.Equal(t, []uint64{entryID(t, 5, 3, 2), entryID(t, 5, 3, 0), entryID(t, 5, 0, 0)},
		[]uint64{bob[0].Id, bob[1].Id, bob[2].Id}, "numbered within each transaction, newest first")
	require.Equal(t, []uint64{entryID(t, 5, 3, 3), entryID(t, 5, 3, 1)}, []uint64{carol[0].Id, carol[1].Id})

	// What a block records outside its transactions comes after them.
	f.ctx = f.ctx.WithTxIndex(-1)
	f.pay(t, "carol", "bob", 100)
	require.Equal(t, entryID(t, 5, types.BlockEntrySlot, 0), f.history(t, "carol")[0].Id)
	require.Equal(t, entryID(t, 5, types.BlockEntrySlot, 1), f.history(t, "bob")[0].Id)

	// Every block starts its counts again (x/ledger's TestEntryIDs_PerTransactionAndBlock).
}

// A transaction that would record more entries than its slot holds fails,
// and changes nothing.
func TestTransfer_PastTheEntriesOfATransactionFailsCleanly(t *testing.T) {
	f := newGardenWith(t, func(m *types.MsgCreateCurrency) { m.FeeBps = 100 })
	f.issue(t, garden, "alice", "bob", 50*unit)
	f.ctx = f.ctx.WithBlockHeight(9).WithTxIndex(2)
	require.NoError(t, f.keeper.SetEntriesInSlot(f.ctx, 2, types.MaxEntriesPerSlot-1))
	bobBefore, carolBefore := f.balance("bob", gdd), f.balance("carol", gdd)
	historyBefore := f.history(t, "bob")

	cached, _ := f.ctx.CacheContext() // the transaction's branch, dropped on failure
	_, err := f.msgs.Transfer(cached, &types.MsgTransfer{
		Sender: f.addr("bob"), CommunityId: garden, Recipient: f.addr("carol"), Amount: sdkmath.NewInt(unit), ExpectedFeeBps: 100,
	})
	require.ErrorIs(t, err, types.ErrTooManyEntries, "the SEND entry is the slot's last; the RECEIVE entry does not fit")
	require.Equal(t, bobBefore, f.balance("bob", gdd))
	require.Equal(t, carolBefore, f.balance("carol", gdd))
	require.Equal(t, historyBefore, f.history(t, "bob"))

	cached, _ = f.ctx.WithTxIndex(types.BlockEntrySlot).CacheContext()
	_, err = f.msgs.Transfer(cached, &types.MsgTransfer{
		Sender: f.addr("bob"), CommunityId: garden, Recipient: f.addr("carol"), Amount: sdkmath.NewInt(unit), ExpectedFeeBps: 100,
	})
	require.ErrorIs(t, err, types.ErrTooManyEntries, "the block's own slot is no transaction's")
}
