package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

// UpdateParams replaces the params; only the authority (governance) may.
// Setting the contract address is how the chain learns where the contract
// it signs for was deployed; once set, the contract never changes, as the
// addresses of community currencies' ERC-20s derive from it.
func (s msgServer) UpdateParams(ctx context.Context, msg *types.MsgUpdateParams) (*types.MsgUpdateParamsResponse, error) {
	if err := sdk.ValidateAuthority(sdk.UnwrapSDKContext(ctx), s.authority, msg.Authority); err != nil {
		return nil, err
	}
	if err := msg.Params.Validate(); err != nil {
		return nil, err
	}
	old, err := s.Params.Get(ctx)
	if err != nil {
		return nil, err
	}
	if old.ContractAddress != "" &&
		(old.ContractAddress != msg.Params.ContractAddress || old.ContractHeight != msg.Params.ContractHeight) {
		return nil, types.ErrInvalidParams.Wrapf("the contract is %s; tokens are mapped to its addresses, so it cannot change",
			old.ContractAddress)
	}
	if old.ContractAddress == "" && msg.Params.ContractAddress != "" {
		// The projection of the Ethereum height starts from the contract's.
		if err := s.EthereumHeight.Set(ctx, types.EthereumHeight{
			Height: msg.Params.ContractHeight, Time: sdk.UnwrapSDKContext(ctx).BlockTime(),
		}); err != nil {
			return nil, err
		}
	}

	if err := s.Params.Set(ctx, msg.Params); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventParamsUpdated{Authority: msg.Authority, Params: msg.Params}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateParamsResponse{}, nil
}
