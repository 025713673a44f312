package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

// Token returns the registry entry of a denom or of an ERC-20.
func (q queryServer) Token(ctx context.Context, req *types.QueryTokenRequest) (*types.QueryTokenResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	var token types.BridgeToken
	var err error
	switch {
	case (req.Denom == "") == (req.TokenContract == ""):
		return nil, grpcerr.InvalidArgument(types.ErrInvalidDenom.Wrap("give a denom or a token_contract"))
	case req.Denom != "":
		token, err = q.TokenOfDenom(ctx, req.Denom)
	default:
		addr, perr := types.ParseEthereumAddress(req.TokenContract)
		if perr != nil {
			return nil, grpcerr.InvalidArgument(perr)
		}
		token, err = q.TokenOfContract(ctx, addr)
	}
	if err != nil {
		return nil, err
	}
	res := &types.QueryTokenResponse{Token: token}
	if token.Origin == types.TokenOriginKizuna {
		res.DeployHash = q.DeployHash(ctx, token).Hex()
	}
	return res, nil
}

// Tokens lists the registry by denom.
func (q queryServer) Tokens(ctx context.Context, req *types.QueryTokensRequest) (*types.QueryTokensResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	tokens, page, err := query.CollectionPaginate(ctx, q.Keeper.Tokens, pagination.Bound(req.Pagination),
		func(_ string, t types.BridgeToken) (types.BridgeToken, error) { return t, nil })
	if err != nil {
		return nil, err
	}
	return &types.QueryTokensResponse{Tokens: tokens, Pagination: page}, nil
}

// TokenDeployConfirms lists the signatures of a token's deployment.
func (q queryServer) TokenDeployConfirms(ctx context.Context, req *types.QueryTokenDeployConfirmsRequest) (*types.QueryTokenDeployConfirmsResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	prefix := collections.PairPrefix[string, sdk.ValAddress](req.Denom)
	confirms, page, err := query.CollectionPaginate(ctx, q.Keeper.TokenDeployConfirms, pagination.Bound(req.Pagination),
		func(_ collections.Pair[string, sdk.ValAddress], c types.TokenDeployConfirm) (types.TokenDeployConfirm, error) {
			return c, nil
		},
		func(o *query.CollectionsPaginateOptions[collections.Pair[string, sdk.ValAddress]]) {
			o.Prefix = &prefix
		},
	)
	if err != nil {
		return nil, err
	}
	return &types.QueryTokenDeployConfirmsResponse{Confirms: confirms, Pagination: page}, nil
}

// Transfer returns one transfer not yet executed.
func (q queryServer) Transfer(ctx context.Context, req *types.QueryTransferRequest) (*types.QueryTransferResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	t, err := q.Keeper.Transfers.Get(ctx, req.Id)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, types.ErrTransferNotFound.Wrapf("no pending transfer %d", req.Id)
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryTransferResponse{Transfer: t}, nil
}

// Transfers lists the transfers not yet executed, of everyone or of one
// sender, by id.
func (q queryServer) Transfers(ctx context.Context, req *types.QueryTransfersRequest) (*types.QueryTransfersResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	if req.Sender == "" {
		transfers, page, err := query.CollectionPaginate(ctx, q.Keeper.Transfers, pagination.Bound(req.Pagination),
			func(_ uint64, t types.OutgoingTransfer) (types.OutgoingTransfer, error) { return t, nil })
		if err != nil {
			return nil, err
		}
		return &types.QueryTransfersResponse{Transfers: transfers, Pagination: page}, nil
	}
	sender, err := q.addressCodec.StringToBytes(req.Sender)
	if err != nil {
		return nil, grpcerr.InvalidArgument(sdkerrors.ErrInvalidAddress.Wrapf("sender: %v", err))
	}
	prefix := collections.PairPrefix[sdk.AccAddress, uint64](sender)
	transfers, page, err := query.CollectionPaginate(ctx, q.SenderTransfers, pagination.Bound(req.Pagination),
		func(key collections.Pair[sdk.AccAddress, uint64], _ collections.NoValue) (types.OutgoingTransfer, error) {
			return q.Keeper.Transfers.Get(ctx, key.K2())
		},
		func(o *query.CollectionsPaginateOptions[collections.Pair[sdk.AccAddress, uint64]]) {
			o.Prefix = &prefix
		},
	)
	if err != nil {
		return nil, err
	}
	return &types.QueryTransfersResponse{Transfers: transfers, Pagination: page}, nil
}

// Batch returns a token's outstanding batch, its transfers and its hash.
func (q queryServer) Batch(ctx context.Context, req *types.QueryBatchRequest) (*types.QueryBatchResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	token, err := types.ParseEthereumAddress(req.TokenContract)
	if err != nil {
		return nil, grpcerr.InvalidArgument(err)
	}
	batch, err := q.Keeper.Batches.Get(ctx, token.Bytes())
	if errors.Is(err, collections.ErrNotFound) {
		return nil, types.ErrBatchNotFound.Wrapf("no outstanding batch of %s", token.Hex())
	}
	if err != nil {
		return nil, err
	}
	transfers, err := q.BatchTransfers(ctx, batch)
	if err != nil {
		return nil, err
	}
	hash, err := q.BatchHash(ctx, batch)
	if err != nil {
		return nil, err
	}
	return &types.QueryBatchResponse{Batch: batch, Transfers: transfers, Hash: hash.Hex()}, nil
}

// Batches lists the outstanding batches by token.
func (q queryServer) Batches(ctx context.Context, req *types.QueryBatchesRequest) (*types.QueryBatchesResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	batches, page, err := query.CollectionPaginate(ctx, q.Keeper.Batches, pagination.Bound(req.Pagination),
		func(_ []byte, b types.OutgoingBatch) (types.OutgoingBatch, error) { return b, nil })
	if err != nil {
		return nil, err
	}
	return &types.QueryBatchesResponse{Batches: batches, Pagination: page}, nil
}

// BatchConfirms lists the signatures of a batch.
func (q queryServer) BatchConfirms(ctx context.Context, req *types.QueryBatchConfirmsRequest) (*types.QueryBatchConfirmsResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	token, err := types.ParseEthereumAddress(req.TokenContract)
	if err != nil {
		return nil, grpcerr.InvalidArgument(err)
	}
	prefix := collections.TripleSuperPrefix[[]byte, uint64, sdk.ValAddress](token.Bytes(), req.Nonce)
	confirms, page, err := query.CollectionPaginate(ctx, q.Keeper.BatchConfirms, pagination.Bound(req.Pagination),
		func(_ BatchConfirmKey, c types.BatchConfirm) (types.BatchConfirm, error) { return c, nil },
		func(o *query.CollectionsPaginateOptions[BatchConfirmKey]) { o.Prefix = &prefix },
	)
	if err != nil {
		return nil, err
	}
	return &types.QueryBatchConfirmsResponse{Confirms: confirms, Pagination: page}, nil
}
