package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/ads/types"
)

// Ads lists the ads of a community by id, optionally filtered by type, status
// and owner. Type and status filters walk an index holding exactly the
// matching ads; an owner filter walks the owner's ads in the community and
// checks type and status on each.
func (q queryServer) Ads(ctx context.Context, req *types.QueryAdsRequest) (*types.QueryAdsResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	if req.Type != types.AdTypeUnspecified {
		if err := types.ValidateAdType(req.Type); err != nil {
			return nil, err
		}
	}
	if req.Status != types.AdStatusUnspecified {
		if err := types.ValidateAdStatus(req.Status); err != nil {
			return nil, err
		}
	}
	var owner sdk.AccAddress
	if req.Owner != "" {
		var err error
		if owner, err = q.parseQueryAddress("owner", req.Owner); err != nil {
			return nil, err
		}
	}
	v, err := q.newViewer(req.Viewer)
	if err != nil {
		return nil, err
	}
	if _, err := q.communityKeeper.GetCommunity(ctx, req.CommunityId); err != nil {
		return nil, err
	}

	var (
		ads  []types.AdView
		page *query.PageResponse
		idx  = q.Keeper.Ads.Indexes
		c    = req.CommunityId
	)
	switch {
	case owner != nil:
		var keep func(types.Ad) bool
		if req.Type != types.AdTypeUnspecified || req.Status != types.AdStatusUnspecified {
			keep = func(ad types.Ad) bool {
				return (req.Type == types.AdTypeUnspecified || ad.Type == req.Type) &&
					(req.Status == types.AdStatusUnspecified || ad.Status == req.Status)
			}
		}
		ads, page, err = pageIndex(ctx, q.Keeper, idx.CommunityOwner, collections.Join(c, owner), req.Pagination, keep, v)
	case req.Type != types.AdTypeUnspecified && req.Status != types.AdStatusUnspecified:
		ref := collections.Join3(c, int32(req.Type), int32(req.Status))
		ads, page, err = pageIndex(ctx, q.Keeper, idx.CommunityTypeStatus, ref, req.Pagination, nil, v)
	case req.Type != types.AdTypeUnspecified:
		ads, page, err = pageIndex(ctx, q.Keeper, idx.CommunityType, collections.Join(c, int32(req.Type)), req.Pagination, nil, v)
	case req.Status != types.AdStatusUnspecified:
		ads, page, err = pageIndex(ctx, q.Keeper, idx.CommunityStatus, collections.Join(c, int32(req.Status)), req.Pagination, nil, v)
	default:
		ads, page, err = pageIndex(ctx, q.Keeper, idx.Community, c, req.Pagination, nil, v)
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryAdsResponse{Ads: ads, Pagination: page}, nil
}

// Ad returns one ad.
func (q queryServer) Ad(ctx context.Context, req *types.QueryAdRequest) (*types.QueryAdResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	v, err := q.newViewer(req.Viewer)
	if err != nil {
		return nil, err
	}
	ad, err := q.GetAd(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	view, err := v.view(ctx, ad)
	if err != nil {
		return nil, err
	}
	return &types.QueryAdResponse{Ad: view}, nil
}

// AdsByOwner lists the ads of an account in every community by id.
func (q queryServer) AdsByOwner(ctx context.Context, req *types.QueryAdsByOwnerRequest) (*types.QueryAdsByOwnerResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	owner, err := q.parseQueryAddress("owner", req.Owner)
	if err != nil {
		return nil, err
	}
	v, err := q.newViewer(req.Viewer)
	if err != nil {
		return nil, err
	}
	ads, page, err := pageIndex(ctx, q.Keeper, q.Keeper.Ads.Indexes.Owner, owner, req.Pagination, nil, v)
	if err != nil {
		return nil, err
	}
	return &types.QueryAdsByOwnerResponse{Ads: ads, Pagination: page}, nil
}

// pageIndex returns a page of the ads idx holds under ref, by id, as views
// for v, of at most pagination.MaxLimit ads. keep, if not nil, drops the ads
// it rejects.
func pageIndex[R any](
	ctx context.Context,
	k Keeper,
	idx *indexes.Multi[R, uint64, types.Ad],
	ref R,
	page *query.PageRequest,
	keep func(types.Ad) bool,
	v *viewer,
) ([]types.AdView, *query.PageResponse, error) {
	var predicate func(collections.Pair[R, uint64], collections.NoValue) (bool, error)
	if keep != nil {
		predicate = func(key collections.Pair[R, uint64], _ collections.NoValue) (bool, error) {
			ad, err := k.Ads.Get(ctx, key.K2())
			if err != nil {
				return false, err
			}
			return keep(ad), nil
		}
	}
	return query.CollectionFilteredPaginate(ctx, idx, pagination.Bound(page), predicate,
		func(key collections.Pair[R, uint64], _ collections.NoValue) (types.AdView, error) {
			ad, err := k.Ads.Get(ctx, key.K2())
			if err != nil {
				return types.AdView{}, err
			}
			return v.view(ctx, ad)
		},
		query.WithCollectionPaginationPairPrefix[R, uint64](ref),
	)
}
