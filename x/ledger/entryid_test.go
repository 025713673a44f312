package ledger_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/testutil/apptest"
	"github.com/kizuna-chain/kizuna/x/ledger/keeper"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Entry ids of a chain's blocks: each transaction numbers its entries from
// 0 in its own slot, and every block starts its counts again.
func TestEntryIDs_PerTransactionAndBlock(t *testing.T) {
	c := creditChain(t, 4) // m000 paid m001 and m002 paid m003, on credit
	history := func(name string) []types.Entry {
		res, err := keeper.NewQueryServerImpl(c.App.LedgerKeeper).History(c.Ctx(),
			&types.QueryHistoryRequest{Address: c.Addr(t, name), CommunityId: 1})
		require.NoError(t, err)
		return res.Entries
	}
	id := func(height int64, slot, n uint32) uint64 {
		v, err := types.EntryID(height, slot, n)
		require.NoError(t, err)
		return v
	}
	first := history("m000")[0]
	require.Equal(t, id(first.Height, 0, 0), first.Id)
	require.Equal(t, id(first.Height, 0, 1), history("m001")[0].Id)
	require.Equal(t, id(first.Height, 1, 0), history("m002")[0].Id)
	require.Equal(t, id(first.Height, 1, 1), history("m003")[0].Id)

	for range 2 {
		pay := func(from, to string) []byte {
			return c.Sign(t, from, apptest.TxOptions{}, &types.MsgTransfer{
				Sender: c.Addr(t, from), CommunityId: 1, Recipient: c.Addr(t, to), Amount: sdkmath.NewInt(10),
			})
		}
		requireAllDelivered(t, c.NextBlock(t, pay("m001", "m000"), pay("m003", "m002")))
		height := c.Ctx().BlockHeight()
		require.Equal(t, []uint64{id(height, 0, 0), id(height, 0, 1), id(height, 1, 0), id(height, 1, 1)},
			[]uint64{history("m001")[0].Id, history("m000")[0].Id, history("m003")[0].Id, history("m002")[0].Id})
	}
}
