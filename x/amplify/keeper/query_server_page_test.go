package keeper_test

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// TestQueries_PageSizeIsBounded: with more entries than pagination.MaxLimit,
// a page request for 10^9 entries gets MaxLimit, and one without a limit
// DefaultLimit, from every paginated list query.
func TestQueries_PageSizeIsBounded(t *testing.T) {
	f := newFixture(t)
	const link = "https://example.com"
	identity := common.HexToAddress("0x00000000000000000000000000000000000000aa").Hex()
	n := int(pagination.MaxLimit) + 50
	for i := range n {
		addr := common.BigToAddress(big.NewInt(int64(1000 + i))).Hex()
		require.NoError(t, f.keeper.Messages.Set(f.ctx, fmt.Sprint(i), types.StoredMessage{
			Index: fmt.Sprint(i), Seq: uint64(i + 1), Type: types.TypeAmplify, Link: link, Identity: addr,
		}))
		require.NoError(t, f.keeper.Delegations.Set(f.ctx, addr, identity))
	}

	for _, tc := range []struct {
		page *query.PageRequest
		want uint64
	}{
		{&query.PageRequest{Limit: 1_000_000_000}, pagination.MaxLimit},
		{nil, pagination.DefaultLimit},
		{&query.PageRequest{Limit: 7}, 7},
	} {
		t.Run(fmt.Sprint(tc.page), func(t *testing.T) {
			votes, err := f.query.Votes(f.ctx, &types.QueryVotesRequest{Href: link, Pagination: tc.page})
			require.NoError(t, err)
			require.Len(t, votes.Identities, int(tc.want))
			require.NotEmpty(t, votes.Pagination.NextKey)

			all, err := f.query.Delegations(f.ctx, &types.QueryDelegationsRequest{Pagination: tc.page})
			require.NoError(t, err)
			require.Len(t, all.Delegations, int(tc.want))
			mine, err := f.query.Delegations(f.ctx, &types.QueryDelegationsRequest{From: identity, Pagination: tc.page})
			require.NoError(t, err)
			require.Len(t, mine.Delegations, int(tc.want))
		})
	}
}
