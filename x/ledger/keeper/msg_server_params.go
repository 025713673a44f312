package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// UpdateParams replaces the params; only the authority (governance) may.
// Spending already recorded this period counts against the new limits.
func (s msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := sdk.ValidateAuthority(sdk.UnwrapSDKContext(ctx), s.authority, msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, err
	}
	if err := s.validateSponsoredMsgTypes(msg.Params); err != nil {
		return nil, err
	}

	if err := s.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	if err := s.raiseHighestMonthlyCap(ctx, msg.Params.MonthlyCreationCap); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventParamsUpdated{Authority: msg.Authority, Params: msg.Params}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, nil
}
