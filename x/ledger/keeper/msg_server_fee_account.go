package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// FundFeeAccount moves fee_denom from an admin to the community fee
// account, from which the community's members pay their transaction fees.
func (s msgServer) FundFeeAccount(ctx context.Context, msg *types.MsgFundFeeAccount) (*types.MsgFundFeeAccountResponse, error) {
	admin, err := s.parseAddress("admin", msg.Admin)
	if err != nil {
		return nil, err
	}
	if err := msg.Validate(); err != nil {
		return nil, err
	}
	params, err := s.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	if err := s.requireRole(ctx, msg.CommunityId, admin, communitytypes.RoleAdmin); err != nil {
		return nil, err
	}
	if spendable := s.bankKeeper.SpendableCoin(ctx, admin, params.FeeDenom); spendable.Amount.LT(msg.Amount) {
		return nil, sdkerrors.ErrInsufficientFunds.Wrapf("%s can spend %s, funding needs %s%s", msg.Admin, spendable, msg.Amount, params.FeeDenom)
	}

	feeAccount := sdk.AccAddress(types.FeeAccountAddress(msg.CommunityId))
	if err := s.bankKeeper.SendCoins(ctx, admin, feeAccount, sdk.NewCoins(sdk.NewCoin(params.FeeDenom, msg.Amount))); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventFeeAccountFunded{
		CommunityId: msg.CommunityId,
		Admin:       s.formatAddress(admin),
		FeeAccount:  s.formatAddress(feeAccount),
		Amount:      msg.Amount,
		Denom:       params.FeeDenom,
	}); err != nil {
		return nil, err
	}
	return &types.MsgFundFeeAccountResponse{}, nil
}
