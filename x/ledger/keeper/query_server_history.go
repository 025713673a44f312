package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

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
	entries, page, err := q.history(ctx, q.formatAddress(account), denom, pagination.Bound(req.Pagination))
	if err != nil {
		return nil, err
	}
	return &types.QueryHistoryResponse{Entries: entries, Pagination: page}, nil
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
