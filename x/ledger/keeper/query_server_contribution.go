package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Contribution returns one contribution.
func (q queryServer) Contribution(ctx context.Context, req *types.QueryContributionRequest) (*types.QueryContributionResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	c, err := q.GetContribution(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &types.QueryContributionResponse{Contribution: c}, nil
}

// Contributions lists the contributions of a community by id. Each filter
// walks its own index: listing the pending contributions of a community, or
// the contributions of one member, reads only those.
func (q queryServer) Contributions(ctx context.Context, req *types.QueryContributionsRequest) (*types.QueryContributionsResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	if req.Status != types.ContributionStatusUnspecified {
		if err := types.ValidateContributionStatus(req.Status); err != nil {
			return nil, err
		}
	}
	if _, err := q.communityKeeper.GetCommunity(ctx, req.CommunityId); err != nil {
		return nil, err
	}
	load := func(id uint64) (types.Contribution, error) { return q.Keeper.Contributions.Get(ctx, id) }

	var (
		contributions []types.Contribution
		page          *query.PageResponse
		err           error
	)
	switch {
	case req.Contributor != "":
		contributor, perr := q.parseAddress("contributor", req.Contributor)
		if perr != nil {
			return nil, perr
		}
		type key = collections.Pair[collections.Pair[uint64, sdk.AccAddress], uint64]
		contributions, page, err = query.CollectionFilteredPaginate(ctx, q.Keeper.Contributions.Indexes.Contributor, pagination.Bound(req.Pagination),
			func(k key, _ collections.NoValue) (bool, error) {
				if req.Status == types.ContributionStatusUnspecified {
					return true, nil
				}
				c, err := load(k.K2())
				return c.Status == req.Status, err
			},
			func(k key, _ collections.NoValue) (types.Contribution, error) { return load(k.K2()) },
			query.WithCollectionPaginationPairPrefix[collections.Pair[uint64, sdk.AccAddress], uint64](
				collections.Join(req.CommunityId, contributor),
			),
		)
	case req.Status != types.ContributionStatusUnspecified:
		type key = collections.Pair[collections.Pair[uint64, int32], uint64]
		contributions, page, err = query.CollectionPaginate(ctx, q.Keeper.Contributions.Indexes.Status, pagination.Bound(req.Pagination),
			func(k key, _ collections.NoValue) (types.Contribution, error) { return load(k.K2()) },
			query.WithCollectionPaginationPairPrefix[collections.Pair[uint64, int32], uint64](
				collections.Join(req.CommunityId, int32(req.Status)),
			),
		)
	default:
		contributions, page, err = query.CollectionPaginate(ctx, q.Keeper.Contributions.Indexes.Community, pagination.Bound(req.Pagination),
			func(k collections.Pair[uint64, uint64], _ collections.NoValue) (types.Contribution, error) {
				return load(k.K2())
			},
			query.WithCollectionPaginationPairPrefix[uint64, uint64](req.CommunityId),
		)
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryContributionsResponse{Contributions: contributions, Pagination: page}, nil
}
