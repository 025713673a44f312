package keeper

import (
	"context"
	"errors"

	"github.com/ethereum/go-ethereum/common/hexutil"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

type queryServer struct {
	Keeper
}

var _ types.QueryServer = queryServer{}

// NewQueryServerImpl returns the module's Query server.
func NewQueryServerImpl(k Keeper) types.QueryServer {
	return queryServer{Keeper: k}
}

// Params returns the module params.
func (q queryServer) Params(ctx context.Context, req *types.QueryParamsRequest) (*types.QueryParamsResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	params, err := q.Keeper.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	return &types.QueryParamsResponse{Params: params}, nil
}

// BridgeInfo returns the bridge id, the contract and the latest valset.
func (q queryServer) BridgeInfo(ctx context.Context, req *types.QueryBridgeInfoRequest) (*types.QueryBridgeInfoResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	params, err := q.Keeper.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	id := q.BridgeID(ctx)
	res := &types.QueryBridgeInfoResponse{BridgeId: hexOf(id[:]), ContractAddress: params.ContractAddress}
	latest, found, err := q.LatestValset(ctx)
	if err != nil {
		return nil, err
	}
	if found {
		res.LatestValset = &latest
	}
	if res.LastObservedEventNonce, err = q.lastObservedNonce(ctx); err != nil {
		return nil, err
	}
	height, err := q.EthereumHeight.Get(ctx)
	switch {
	case err == nil:
		res.EthereumHeight = &height
	case !errors.Is(err, collections.ErrNotFound):
		return nil, err
	}
	return res, nil
}

// RegistrationHash returns the hash a validator's Ethereum key signs to
// register with the given orchestrator.
func (q queryServer) RegistrationHash(ctx context.Context, req *types.QueryRegistrationHashRequest) (*types.QueryRegistrationHashResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	val, err := q.parseQueryValidator(req.Validator)
	if err != nil {
		return nil, err
	}
	orchestrator, err := q.addressCodec.StringToBytes(req.Orchestrator)
	if err != nil {
		return nil, grpcerr.InvalidArgument(sdkerrors.ErrInvalidAddress.Wrapf("orchestrator: %v", err))
	}
	return &types.QueryRegistrationHashResponse{
		Hash: types.RegistrationHash(q.BridgeID(ctx), val, orchestrator).Hex(),
	}, nil
}

// Registration returns a validator's registration.
func (q queryServer) Registration(ctx context.Context, req *types.QueryRegistrationRequest) (*types.QueryRegistrationResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	val, err := q.parseQueryValidator(req.Validator)
	if err != nil {
		return nil, err
	}
	reg, err := q.Keeper.Registrations.Get(ctx, val)
	if errors.Is(err, collections.ErrNotFound) {
		return nil, types.ErrRegistrationNotFound.Wrapf("validator %s has no Ethereum key", req.Validator)
	}
	if err != nil {
		return nil, err
	}
	return &types.QueryRegistrationResponse{Registration: reg}, nil
}

// Registrations lists the registrations by validator.
func (q queryServer) Registrations(ctx context.Context, req *types.QueryRegistrationsRequest) (*types.QueryRegistrationsResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	regs, page, err := query.CollectionPaginate(ctx, q.Keeper.Registrations, pagination.Bound(req.Pagination),
		func(_ sdk.ValAddress, r types.Registration) (types.Registration, error) { return r, nil })
	if err != nil {
		return nil, err
	}
	return &types.QueryRegistrationsResponse{Registrations: regs, Pagination: page}, nil
}

// Valset returns one valset and its checkpoint.
func (q queryServer) Valset(ctx context.Context, req *types.QueryValsetRequest) (*types.QueryValsetResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	v, err := q.GetValset(ctx, req.Nonce)
	if err != nil {
		return nil, err
	}
	return &types.QueryValsetResponse{Valset: v, Checkpoint: v.Checkpoint(q.BridgeID(ctx)).Hex()}, nil
}

// Valsets lists the valsets by nonce.
func (q queryServer) Valsets(ctx context.Context, req *types.QueryValsetsRequest) (*types.QueryValsetsResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	valsets, page, err := query.CollectionPaginate(ctx, q.Keeper.Valsets, pagination.Bound(req.Pagination),
		func(_ uint64, v types.Valset) (types.Valset, error) { return v, nil })
	if err != nil {
		return nil, err
	}
	return &types.QueryValsetsResponse{Valsets: valsets, Pagination: page}, nil
}

// ValsetConfirms lists the signatures of a valset by validator.
func (q queryServer) ValsetConfirms(ctx context.Context, req *types.QueryValsetConfirmsRequest) (*types.QueryValsetConfirmsResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	prefix := collections.PairPrefix[uint64, sdk.ValAddress](req.Nonce)
	confirms, page, err := query.CollectionPaginate(ctx, q.Keeper.ValsetConfirms, pagination.Bound(req.Pagination),
		func(_ ValsetConfirmKey, c types.ValsetConfirm) (types.ValsetConfirm, error) { return c, nil },
		func(o *query.CollectionsPaginateOptions[ValsetConfirmKey]) { o.Prefix = &prefix },
	)
	if err != nil {
		return nil, err
	}
	return &types.QueryValsetConfirmsResponse{Confirms: confirms, Pagination: page}, nil
}

// Attestations lists the attestations by event nonce.
func (q queryServer) Attestations(ctx context.Context, req *types.QueryAttestationsRequest) (*types.QueryAttestationsResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	atts, page, err := query.CollectionPaginate(ctx, q.Keeper.Attestations, pagination.Bound(req.Pagination),
		func(_ collections.Pair[uint64, []byte], a types.Attestation) (types.Attestation, error) {
			return a, nil
		})
	if err != nil {
		return nil, err
	}
	return &types.QueryAttestationsResponse{Attestations: atts, Pagination: page}, nil
}

// LastClaimNonce returns the event nonce of a validator's last claim.
func (q queryServer) LastClaimNonce(ctx context.Context, req *types.QueryLastClaimNonceRequest) (*types.QueryLastClaimNonceResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	val, err := q.parseQueryValidator(req.Validator)
	if err != nil {
		return nil, err
	}
	if has, err := q.Keeper.Registrations.Has(ctx, val); err != nil || !has {
		if err == nil {
			err = types.ErrRegistrationNotFound.Wrapf("validator %s has no Ethereum key", req.Validator)
		}
		return nil, err
	}
	n, err := q.claimNonce(ctx, val)
	if err != nil {
		return nil, err
	}
	return &types.QueryLastClaimNonceResponse{Nonce: n}, nil
}

// parseQueryValidator decodes a validator operator address of a query; a
// malformed one is a bad argument (HTTP 400).
func (q queryServer) parseQueryValidator(s string) (sdk.ValAddress, error) {
	val, err := q.validatorCodec.StringToBytes(s)
	if err != nil {
		return nil, grpcerr.InvalidArgument(sdkerrors.ErrInvalidAddress.Wrapf("validator: %v", err))
	}
	return val, nil
}

// hexOf writes bytes as 0x-hex.
func hexOf(b []byte) string {
	return hexutil.Encode(b)
}
