package keeper_test

import (
	"fmt"
	"math/big"
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// TestDelegations_PageSizeIsBounded: with more delegations than
// pagination.MaxLimit, of one identity, a page request for 10^9 entries
// gets MaxLimit, and one without a limit DefaultLimit, listing them all or
// the identity's.
func TestDelegations_PageSizeIsBounded(t *testing.T) {
	f := newFixture(t)
	identity := common.HexToAddress("0x00000000000000000000000000000000000000aa").Hex()
	n := int(pagination.MaxLimit) + 50
	for i := range n {
		addr := common.BigToAddress(big.NewInt(int64(1000 + i))).Hex()
		require.NoError(t, f.keeper.Delegations.Set(f.ctx, addr, identity))
	}
	for _, tc := range pageBounds {
		t.Run(fmt.Sprint(tc.page), func(t *testing.T) {
			all, err := f.query.Delegations(f.ctx, &types.QueryDelegationsRequest{Pagination: tc.page})
			require.NoError(t, err)
			require.Len(t, all.Delegations, int(tc.want))
			mine, err := f.query.Delegations(f.ctx, &types.QueryDelegationsRequest{From: identity, Pagination: tc.page})
			require.NoError(t, err)
			require.Len(t, mine.Delegations, int(tc.want))
		})
	}
}
