package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/x/ads/types"
)

// queryServer implements types.QueryServer; the handlers live in
// query_server_<feature>.go.
type queryServer struct {
	Keeper
}

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the Query server of the ads module.
func NewQueryServerImpl(k Keeper) types.QueryServer {
	return queryServer{Keeper: k}
}

// Params returns the module params.
func (q queryServer) Params(ctx context.Context, req *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	params, err := q.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: params}, nil
}

// parseQueryAddress decodes an account address of a query. A malformed one
// is a bad argument (HTTP 400 on the REST gateway), while errors.Is still
// finds sdkerrors.ErrInvalidAddress.
func (k Keeper) parseQueryAddress(field, s string) (sdk.AccAddress, error) {
	addr, err := k.parseAddress(field, s)
	if err != nil {
		return nil, grpcerr.InvalidArgument(err)
	}
	return addr, nil
}
