package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

// Communities lists the communities by id.
func (q queryServer) Communities(ctx context.Context, req *types.QueryCommunitiesRequest) (*types.QueryCommunitiesResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	communities, page, err := query.CollectionPaginate(ctx, q.Keeper.Communities, pagination.Bound(req.Pagination),
		func(_ uint64, c types.Community) (types.Community, error) { return c, nil },
	)
	if err != nil {
		return nil, err
	}
	return &types.QueryCommunitiesResponse{Communities: communities, Pagination: page}, nil
}

// Community returns one community.
func (q queryServer) Community(ctx context.Context, req *types.QueryCommunityRequest) (*types.QueryCommunityResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	c, err := q.GetCommunity(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &types.QueryCommunityResponse{Community: c}, nil
}

// CommunitiesOf lists the memberships and pending requests of an account by
// community id.
func (q queryServer) CommunitiesOf(ctx context.Context, req *types.QueryCommunitiesOfRequest) (*types.QueryCommunitiesOfResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	addr, err := q.parseQueryAddress("address", req.Address)
	if err != nil {
		return nil, err
	}
	memberships, page, err := query.CollectionPaginate(ctx, q.Keeper.Members.Indexes.Address, pagination.Bound(req.Pagination),
		func(key collections.Pair[sdk.AccAddress, uint64], _ collections.NoValue) (types.Membership, error) {
			community, err := q.GetCommunity(ctx, key.K2())
			if err != nil {
				return types.Membership{}, err
			}
			member, err := q.GetMember(ctx, key.K2(), key.K1())
			if err != nil {
				return types.Membership{}, err
			}
			return types.Membership{Community: community, Member: member}, nil
		},
		query.WithCollectionPaginationPairPrefix[sdk.AccAddress, uint64](addr),
	)
	if err != nil {
		return nil, err
	}
	return &types.QueryCommunitiesOfResponse{Memberships: memberships, Pagination: page}, nil
}
