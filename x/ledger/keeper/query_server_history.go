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

// History lists an account's entries in one currency, newest first.
func (q queryServer) History(ctx context.Context, req *types.QueryHistoryRequest) (*types.QueryHistoryResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	account, err := q.parseAddress("address", req.Address)
	if err != nil {
		return nil, err
	}
	denom, err := q.historyDenom(ctx, req.CommunityId, req.Denom)
	if err != nil {
		return nil, err
	}
	page := pagination.Bound(req.Pagination)
	// A query at a height before the v3 upgrade reads the history by
	// account that the state had then.
	old, err := q.hasHistoryV2(ctx, account, denom)
	if err != nil {
		return nil, err
	}
	if old {
		return q.historyV2(ctx, account, denom, page)
	}
	entries, res, err := q.history(ctx, q.formatAddress(account), denom, page)
	if err != nil {
		return nil, err
	}
	return &types.QueryHistoryResponse{Entries: entries, Pagination: res}, nil
}

// hasHistoryV2 reports whether the state holds entries of account in denom
// in the layout of consensus version 2, which the v3 upgrade moved into the
// journal: only states from before it do.
func (q queryServer) hasHistoryV2(ctx context.Context, account sdk.AccAddress, denom string) (bool, error) {
	rng := collections.NewSuperPrefixedTripleRange[sdk.AccAddress, string, uint64](account, denom)
	it, err := q.HistoryV2.Iterate(ctx, rng)
	if err != nil {
		return false, err
	}
	defer func() { _ = it.Close() }()
	return it.Valid(), nil
}

// historyV2 answers a History query from the layout of consensus version 2.
func (q queryServer) historyV2(ctx context.Context, account sdk.AccAddress, denom string, page *query.PageRequest) (*types.QueryHistoryResponse, error) {
	entries, res, err := query.CollectionPaginate(ctx, q.HistoryV2, page,
		func(key HistoryKey, e types.Entry) (types.Entry, error) { return q.entryAt(key, e), nil },
		func(o *query.CollectionsPaginateOptions[HistoryKey]) {
			prefix := collections.TripleSuperPrefix[sdk.AccAddress, string, uint64](account, denom)
			o.Prefix = &prefix
		},
	)
	if err != nil {
		return nil, err
	}
	return &types.QueryHistoryResponse{Entries: entries, Pagination: res}, nil
}

// historyDenom returns the denom of the currency a History request names by
// community id, by denom, or by both when they agree.
func (q queryServer) historyDenom(ctx context.Context, communityID uint64, denom string) (string, error) {
	if communityID == 0 {
		if denom == "" {
			return "", types.ErrInvalidRequest.Wrap("name the currency by community_id or denom")
		}
		if err := sdk.ValidateDenom(denom); err != nil {
			return "", types.ErrInvalidRequest.Wrapf("denom: %s", err)
		}
		return denom, nil
	}
	currency, err := q.GetCurrency(ctx, communityID)
	if err != nil {
		return "", err
	}
	if denom != "" && denom != currency.Denom {
		return "", types.ErrInvalidRequest.Wrapf("denom %q is not the currency of community %d (%s)", denom, communityID, currency.Denom)
	}
	return currency.Denom, nil
}
