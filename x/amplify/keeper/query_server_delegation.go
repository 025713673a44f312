package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// Delegations lists the delegations, of one identity or all.
func (q queryServer) Delegations(ctx context.Context, req *types.QueryDelegationsRequest) (*types.QueryDelegationsResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	toDelegation := func(key collections.Pair[string, string], _ collections.NoValue) (types.Delegation, error) {
		return types.Delegation{From: key.K1(), To: key.K2()}, nil
	}
	var opts []func(*query.CollectionsPaginateOptions[collections.Pair[string, string]])
	if req.From != "" {
		from, err := types.ParseEthAddress("from", req.From)
		if err != nil {
			return nil, grpcerr.InvalidArgument(err)
		}
		opts = append(opts, query.WithCollectionPaginationPairPrefix[string, string](from.Hex()))
	}
	out, page, err := query.CollectionPaginate(ctx, q.Keeper.Delegations.Indexes.From, pagination.Bound(req.Pagination), toDelegation, opts...)
	if err != nil {
		return nil, grpcerr.InvalidArgument(err)
	}
	return &types.QueryDelegationsResponse{Delegations: out, Pagination: page}, nil
}

// IdentityOf returns the identity a signing key signs for.
func (q queryServer) IdentityOf(ctx context.Context, req *types.QueryIdentityOfRequest) (*types.QueryIdentityOfResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	signer, err := types.ParseEthAddress("signer", req.Signer)
	if err != nil {
		return nil, grpcerr.InvalidArgument(err)
	}
	identity, delegated, err := q.Keeper.IdentityOf(ctx, signer)
	if err != nil {
		return nil, err
	}
	return &types.QueryIdentityOfResponse{Identity: identity.Hex(), Delegated: delegated}, nil
}
