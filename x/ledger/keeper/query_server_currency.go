package keeper

import (
	"context"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Currencies lists the currencies by community id.
func (q queryServer) Currencies(ctx context.Context, req *types.QueryCurrenciesRequest) (*types.QueryCurrenciesResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	currencies, page, err := query.CollectionPaginate(ctx, q.Keeper.Currencies, pagination.Bound(req.Pagination),
		func(_ uint64, c types.Currency) (types.Currency, error) { return c, nil },
	)
	if err != nil {
		return nil, err
	}
	return &types.QueryCurrenciesResponse{Currencies: currencies, Pagination: page}, nil
}

// Currency returns the currency of a community with its x/bank supply and
// the ledger's totals.
func (q queryServer) Currency(ctx context.Context, req *types.QueryCurrencyRequest) (*types.QueryCurrencyResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	currency, err := q.GetCurrency(ctx, req.CommunityId)
	if err != nil {
		return nil, err
	}
	res := &types.QueryCurrencyResponse{Currency: currency, Supply: q.bankKeeper.GetSupply(ctx, currency.Denom)}
	if res.Created, err = totalOf(ctx, q.Created, req.CommunityId); err != nil {
		return nil, err
	}
	if res.Debt, err = totalOf(ctx, q.TotalDebt, req.CommunityId); err != nil {
		return nil, err
	}
	if res.Decayed, err = totalOf(ctx, q.Decayed, req.CommunityId); err != nil {
		return nil, err
	}
	if res.BridgedOut, err = totalOf(ctx, q.BridgedOut, req.CommunityId); err != nil {
		return nil, err
	}
	if res.BridgedBack, err = totalOf(ctx, q.BridgedBack, req.CommunityId); err != nil {
		return nil, err
	}
	return res, nil
}
