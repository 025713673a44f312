package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Invariants runs every invariant on the queried state and lists the broken
// ones.
func (q queryServer) Invariants(ctx context.Context, req *types.QueryInvariantsRequest) (*types.QueryInvariantsResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	res := &types.QueryInvariantsResponse{Broken: []types.BrokenInvariant{}}
	for _, inv := range q.Keeper.Invariants() {
		res.Checked = append(res.Checked, inv.Name)
		if msg, broken := inv.Check(sdkCtx); broken {
			res.Broken = append(res.Broken, types.BrokenInvariant{Name: inv.Name, Message: msg})
		}
	}
	return res, nil
}
