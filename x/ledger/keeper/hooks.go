package keeper

import (
	"context"
	"errors"
	"time"

	"cosmossdk.io/collections"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/feegrant"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Hooks returns the community hooks through which the ledger sponsors the
// transaction fees of active members: each receives an allowance from its
// community's fee account when it becomes active and loses it when it leaves
// or is removed. Register them with the community keeper's SetHooks.
func (k Keeper) Hooks() communitytypes.CommunityHooks {
	return hooks{k}
}

type hooks struct {
	k Keeper
}

var _ communitytypes.CommunityHooks = hooks{}

// AfterMemberActivated grants the member the fee allowance of the
// community's fee account, replacing any allowance the fee account gave it
// before. With fee_allowance_period_limit 0 it grants nothing.
func (h hooks) AfterMemberActivated(ctx context.Context, communityID uint64, member sdk.AccAddress) error {
	params, err := h.k.GetParams(ctx)
	if err != nil {
		return err
	}
	if !params.SponsorsFees() {
		return nil
	}
	feeAccount := sdk.AccAddress(types.FeeAccountAddress(communityID))
	allowance, err := FeeAllowance(params, sdk.UnwrapSDKContext(ctx).BlockTime())
	if err != nil {
		return err
	}
	exists, err := h.k.hasAllowance(ctx, feeAccount, member)
	if err != nil {
		return err
	}
	if exists {
		// Revoking rather than updating also drops an expiry the old grant
		// (from a genesis file, say) may have queued.
		if err := h.k.feegrantKeeper.RevokeAllowance(ctx, feeAccount, member); err != nil {
			return err
		}
	}
	// The SDK's keeper creates a missing grantee account through x/bank,
	// which the app's feegrant keeper may not hold: create it here.
	if !h.k.accountKeeper.HasAccount(ctx, member) {
		h.k.accountKeeper.SetAccount(ctx, h.k.accountKeeper.NewAccountWithAddress(ctx, member))
	}
	if err := h.k.feegrantKeeper.GrantAllowance(ctx, feeAccount, member, allowance); err != nil {
		return err
	}
	return emit(ctx, &types.EventFeeAllowanceGranted{
		CommunityId: communityID, Member: h.k.formatAddress(member), FeeAccount: h.k.formatAddress(feeAccount),
	})
}

// AfterMemberRemoved revokes the allowance of the community's fee account,
// if the member has one.
func (h hooks) AfterMemberRemoved(ctx context.Context, communityID uint64, member sdk.AccAddress) error {
	feeAccount := sdk.AccAddress(types.FeeAccountAddress(communityID))
	exists, err := h.k.hasAllowance(ctx, feeAccount, member)
	if err != nil || !exists {
		return err
	}
	if err := h.k.feegrantKeeper.RevokeAllowance(ctx, feeAccount, member); err != nil {
		return err
	}
	return emit(ctx, &types.EventFeeAllowanceRevoked{
		CommunityId: communityID, Member: h.k.formatAddress(member), FeeAccount: h.k.formatAddress(feeAccount),
	})
}

// hasAllowance reports whether granter gives grantee a fee allowance.
func (k Keeper) hasAllowance(ctx context.Context, granter, grantee sdk.AccAddress) (bool, error) {
	allowance, err := k.feegrantKeeper.GetAllowance(ctx, granter, grantee)
	if errors.Is(err, collections.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return allowance != nil, nil
}

// FeeAllowance is the allowance a community fee account gives each active
// member under params, granted at now: a PeriodicAllowance of
// fee_allowance_period_limit fee_denom every fee_allowance_period_seconds,
// without expiry or overall limit, wrapped in an AllowedMsgAllowance of
// fee_allowance_msg_type_urls when that list is not empty.
func FeeAllowance(params types.Params, now time.Time) (feegrant.FeeAllowanceI, error) {
	limit := sdk.NewCoins(sdk.NewCoin(params.FeeDenom, sdkmath.NewIntFromUint64(params.FeeAllowancePeriodLimit)))
	period := time.Duration(params.FeeAllowancePeriodSeconds) * time.Second
	var allowance feegrant.FeeAllowanceI = &feegrant.PeriodicAllowance{
		Period:           period,
		PeriodSpendLimit: limit,
		PeriodCanSpend:   limit,
		PeriodReset:      now.Add(period),
	}
	if len(params.FeeAllowanceMsgTypeUrls) > 0 {
		filtered, err := feegrant.NewAllowedMsgAllowance(allowance, params.FeeAllowanceMsgTypeUrls)
		if err != nil {
			return nil, err
		}
		allowance = filtered
	}
	if err := allowance.ValidateBasic(); err != nil {
		return nil, err
	}
	return allowance, nil
}
