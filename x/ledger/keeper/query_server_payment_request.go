package keeper

import (
	"context"

	"cosmossdk.io/collections"
	"cosmossdk.io/collections/indexes"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// PaymentRequest returns one payment request.
func (q queryServer) PaymentRequest(ctx context.Context, req *types.QueryPaymentRequestRequest) (*types.QueryPaymentRequestResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	r, err := q.GetPaymentRequest(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	return &types.QueryPaymentRequestResponse{PaymentRequest: r}, nil
}

// PaymentRequests lists the payment requests of a community by id. A payer
// or requester filter walks its own index; when both are given, the payer's
// index is walked and the requester filtered.
func (q queryServer) PaymentRequests(ctx context.Context, req *types.QueryPaymentRequestsRequest) (*types.QueryPaymentRequestsResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	if req.Status != types.PaymentRequestStatusUnspecified {
		if err := types.ValidatePaymentRequestStatus(req.Status); err != nil {
			return nil, err
		}
	}
	var payer, requester sdk.AccAddress
	var err error
	if req.Payer != "" {
		if payer, err = q.parseAddress("payer", req.Payer); err != nil {
			return nil, err
		}
	}
	if req.Requester != "" {
		if requester, err = q.parseAddress("requester", req.Requester); err != nil {
			return nil, err
		}
	}
	if _, err := q.communityKeeper.GetCommunity(ctx, req.CommunityId); err != nil {
		return nil, err
	}
	keep := func(id uint64) (bool, error) {
		r, err := q.Keeper.PaymentRequests.Get(ctx, id)
		if err != nil {
			return false, err
		}
		return (req.Status == types.PaymentRequestStatusUnspecified || r.Status == req.Status) &&
			(req.Requester == "" || r.Requester == q.formatAddress(requester)), nil
	}
	load := func(id uint64) (types.PaymentRequest, error) { return q.Keeper.PaymentRequests.Get(ctx, id) }
	type partyKey = collections.Pair[AccountKey, uint64]
	byParty := func(index *indexes.Multi[AccountKey, uint64, types.PaymentRequest], party sdk.AccAddress) ([]types.PaymentRequest, *query.PageResponse, error) {
		return query.CollectionFilteredPaginate(ctx, index, pagination.Bound(req.Pagination),
			func(k partyKey, _ collections.NoValue) (bool, error) { return keep(k.K2()) },
			func(k partyKey, _ collections.NoValue) (types.PaymentRequest, error) { return load(k.K2()) },
			query.WithCollectionPaginationPairPrefix[AccountKey, uint64](collections.Join(req.CommunityId, party)),
		)
	}

	var (
		requests []types.PaymentRequest
		page     *query.PageResponse
	)
	switch {
	case payer != nil:
		requests, page, err = byParty(q.Keeper.PaymentRequests.Indexes.Payer, payer)
	case requester != nil:
		requests, page, err = byParty(q.Keeper.PaymentRequests.Indexes.Requester, requester)
	default:
		requests, page, err = query.CollectionFilteredPaginate(ctx, q.Keeper.PaymentRequests.Indexes.Community, pagination.Bound(req.Pagination),
			func(k collections.Pair[uint64, uint64], _ collections.NoValue) (bool, error) { return keep(k.K2()) },
			func(k collections.Pair[uint64, uint64], _ collections.NoValue) (types.PaymentRequest, error) {
				return load(k.K2())
			},
			query.WithCollectionPaginationPairPrefix[uint64, uint64](req.CommunityId),
		)
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryPaymentRequestsResponse{PaymentRequests: requests, Pagination: page}, nil
}
