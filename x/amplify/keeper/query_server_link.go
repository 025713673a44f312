package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// EthAccount returns an Ethereum address's next consent nonce and linked
// account.
func (q queryServer) EthAccount(ctx context.Context, req *types.QueryEthAccountRequest) (*types.QueryEthAccountResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	addr, err := types.ParseEthAddress("address", req.Address)
	if err != nil {
		return nil, grpcerr.InvalidArgument(err)
	}
	nonce, err := q.nextNonce(ctx, addr)
	if err != nil {
		return nil, err
	}
	res := &types.QueryEthAccountResponse{Address: addr.Hex(), ConsentNonce: nonce}
	account, err := q.Links.Indexes.Eth.MatchExact(ctx, addr.Hex())
	switch {
	case errors.Is(err, collections.ErrNotFound):
	case err != nil:
		return nil, err
	default:
		if res.LinkedAccount, err = q.addressCodec.BytesToString(account); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// Link returns the Ethereum address linked to an account.
func (q queryServer) Link(ctx context.Context, req *types.QueryLinkRequest) (*types.QueryLinkResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	account, err := q.parseAddress("account", req.Account)
	if err != nil {
		return nil, grpcerr.InvalidArgument(err)
	}
	eth, err := q.Links.Get(ctx, account)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, types.ErrLinkNotFound.Wrap(req.Account)
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryLinkResponse{EthAddress: eth}, nil
}
