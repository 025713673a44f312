package keeper

import (
	"bytes"
	"context"
	"errors"
	"slices"
	"time"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/auth/ante"
	"github.com/cosmos/cosmos-sdk/x/feegrant"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Sponsor is the fee granter keeper of the ante handler. A transaction whose
// fee granter is a community's fee account is paid by that account only
// when every Msg in it is one the params list and names that community,
// every signer is an active member of it, the gas limit is at most
// sponsored_max_gas, the fee at most sponsored_max_fee_percent of what the
// gas costs at the chain's minimum gas price, and the fee fits in both the
// member's allowance and the community's budget for the period. What a
// member spent in a period is kept whether it stays, leaves or re-joins.
// Every other fee granter goes to x/feegrant.
type Sponsor struct {
	k      Keeper
	grants ante.FeegrantKeeper
	floor  sdk.DecCoin
}

var _ ante.FeegrantKeeper = Sponsor{}

// NewSponsor returns the fee granter keeper for the ante handler: community
// fee accounts are the ledger's, every other granter is looked up in grants
// (x/feegrant). floor is the chain's minimum gas price, in fee_denom.
func NewSponsor(k Keeper, grants ante.FeegrantKeeper, floor sdk.DecCoin) Sponsor {
	if grants == nil {
		panic("ledger sponsor: nil feegrant keeper")
	}
	if err := floor.Validate(); err != nil {
		panic("ledger sponsor: invalid minimum gas price: " + err.Error())
	}
	return Sponsor{k: k, grants: grants, floor: floor}
}

// UseGrantedFees implements ante.FeegrantKeeper.
func (s Sponsor) UseGrantedFees(ctx context.Context, granter, grantee sdk.AccAddress, fee sdk.Coins, msgs []sdk.Msg) error {
	communityID, ok := sponsoringCommunity(granter, msgs)
	if !ok {
		err := s.grants.UseGrantedFees(ctx, granter, grantee, fee, msgs)
		if err != nil && !registered(err) {
			// x/feegrant reports a missing grant with an unregistered
			// error: give the client one it can tell apart.
			return feegrant.ErrNoAllowance.Wrapf("%s pays no fees for %s here (a community fee account pays only "+
				"for Msgs that name its community): %v", granter, grantee, err)
		}
		return err
	}
	return s.k.sponsorFee(sdk.UnwrapSDKContext(ctx), communityID, grantee, fee, msgs, s.floor)
}

// sponsoringCommunity finds the community whose fee account granter is,
// among the communities the Msgs name.
func sponsoringCommunity(granter sdk.AccAddress, msgs []sdk.Msg) (uint64, bool) {
	var tried []uint64
	for _, msg := range msgs {
		cm, ok := msg.(communitytypes.CommunityMsg)
		if !ok {
			continue
		}
		id := cm.GetCommunityId()
		if id == 0 || slices.Contains(tried, id) {
			continue
		}
		if bytes.Equal(granter, types.FeeAccountAddress(id)) {
			return id, true
		}
		tried = append(tried, id)
	}
	return 0, false
}

// sponsorFee checks that the fee account of communityID may pay fee for
// payer's transaction of msgs, and records the spending. It writes nothing
// when it fails.
func (k Keeper) sponsorFee(ctx sdk.Context, communityID uint64, payer sdk.AccAddress, fee sdk.Coins, msgs []sdk.Msg, floor sdk.DecCoin) error {
	params, err := k.GetParams(ctx)
	if err != nil {
		return err
	}
	if err := k.checkSponsoredMsgs(ctx, params, communityID, payer, msgs); err != nil {
		return err
	}
	amount := fee.AmountOf(params.FeeDenom)
	if !fee.Equal(feeCoins(params.FeeDenom, amount)) {
		return types.ErrSponsoredFeeTooHigh.Wrapf("a sponsored fee is paid in %s only, not %s", params.FeeDenom, fee)
	}
	// Simulation runs without a gas limit and usually without a fee: only
	// real transactions are held to the gas and fee caps.
	if ctx.ExecMode() != sdk.ExecModeSimulate {
		gas := ctx.GasMeter().Limit()
		if gas > params.SponsoredMaxGas {
			return types.ErrSponsoredGasTooHigh.Wrapf("gas limit %d exceeds %d", gas, params.SponsoredMaxGas)
		}
		if maxFee := sponsoredMaxFee(floor, gas, params.SponsoredMaxFeePercent); amount.GT(maxFee) {
			return types.ErrSponsoredFeeTooHigh.Wrapf("fee %s%s exceeds %s%s, %d%% of what %d gas costs at the minimum gas price %s",
				amount, params.FeeDenom, maxFee, params.FeeDenom, params.SponsoredMaxFeePercent, gas, floor)
		}
	}

	sponsorship, err := k.FeeSponsorshipOf(ctx, communityID, params)
	if err != nil {
		return err
	}
	period := params.SponsoredPeriod(ctx.BlockTime().Unix())
	memberKey := collections.Join(communityID, payer)
	memberSpent, err := sponsoredSpent(ctx, k.SponsoredByMember.Get, memberKey, period)
	if err != nil {
		return err
	}
	budgetSpent, err := sponsoredSpent(ctx, k.SponsoredByCommunity.Get, communityID, period)
	if err != nil {
		return err
	}
	memberSpent = memberSpent.Add(amount)
	budgetSpent = budgetSpent.Add(amount)
	if memberSpent.GT(sdkmath.NewIntFromUint64(sponsorship.MemberPeriodLimit)) {
		return types.ErrAllowanceExceeded.Wrapf("%s would have spent %s%s of its %d%s in community %d this period",
			k.formatAddress(payer), memberSpent, params.FeeDenom, sponsorship.MemberPeriodLimit, params.FeeDenom, communityID)
	}
	if budgetSpent.GT(sdkmath.NewIntFromUint64(sponsorship.BudgetPeriodLimit)) {
		return types.ErrBudgetExceeded.Wrapf("community %d's fee account would have paid %s%s of its %d%s this period",
			communityID, budgetSpent, params.FeeDenom, sponsorship.BudgetPeriodLimit, params.FeeDenom)
	}

	member := k.formatAddress(payer)
	if err := k.SponsoredByMember.Set(ctx, memberKey, types.SponsoredSpending{
		CommunityId: communityID, Member: member, Period: period, Spent: memberSpent,
	}); err != nil {
		return err
	}
	if err := k.SponsoredByCommunity.Set(ctx, communityID, types.SponsoredSpending{
		CommunityId: communityID, Period: period, Spent: budgetSpent,
	}); err != nil {
		return err
	}
	return emit(ctx, &types.EventFeeSponsored{
		CommunityId: communityID, Member: member, Fee: amount, MemberSpent: memberSpent, BudgetSpent: budgetSpent,
	})
}

// checkSponsoredMsgs fails unless every Msg is one the params sponsor, names
// communityID, and is signed by active members of it only, and the fee payer
// is an active member too.
func (k Keeper) checkSponsoredMsgs(ctx context.Context, params types.Params, communityID uint64, payer sdk.AccAddress, msgs []sdk.Msg) error {
	if err := k.requireSponsoredMember(ctx, communityID, payer, "fee payer"); err != nil {
		return err
	}
	for i, msg := range msgs {
		url := sdk.MsgTypeURL(msg)
		if !slices.Contains(params.FeeAllowanceMsgTypeUrls, url) {
			return types.ErrNotSponsored.Wrapf("message %d (%s) is not one that fee accounts pay for", i, url)
		}
		cm, ok := msg.(communitytypes.CommunityMsg)
		if !ok || cm.GetCommunityId() != communityID {
			return types.ErrNotSponsored.Wrapf("message %d (%s) does not name community %d", i, url, communityID)
		}
		signers, _, err := k.cdc.GetMsgV1Signers(msg)
		if err != nil {
			return err
		}
		for _, signer := range signers {
			if err := k.requireSponsoredMember(ctx, communityID, signer, "signer"); err != nil {
				return err
			}
		}
	}
	return nil
}

func (k Keeper) requireSponsoredMember(ctx context.Context, communityID uint64, addr sdk.AccAddress, who string) error {
	active, err := k.communityKeeper.IsActiveMember(ctx, communityID, addr)
	if err != nil {
		return err
	}
	if !active {
		return types.ErrNotSponsored.Wrapf("%s %s is not an active member of community %d", who, k.formatAddress(addr), communityID)
	}
	return nil
}

// sponsoredMaxFee is percent % of ceil(gas × floor), rounded up.
func sponsoredMaxFee(floor sdk.DecCoin, gas uint64, percent uint32) sdkmath.Int {
	base := floor.Amount.MulInt(sdkmath.NewIntFromUint64(gas)).Ceil().TruncateInt()
	return base.MulRaw(int64(percent)).AddRaw(99).QuoRaw(100)
}

func feeCoins(denom string, amount sdkmath.Int) sdk.Coins {
	return sdk.NewCoins(sdk.NewCoin(denom, amount))
}

// sponsoredSpent reads what a spending record holds for period.
func sponsoredSpent[K any](ctx context.Context, get func(context.Context, K) (types.SponsoredSpending, error), key K, period uint64) (sdkmath.Int, error) {
	s, err := get(ctx, key)
	if errors.Is(err, collections.ErrNotFound) {
		return sdkmath.ZeroInt(), nil
	}
	if err != nil {
		return sdkmath.Int{}, err
	}
	return s.SpentIn(period), nil
}

// FeeSponsorshipOf returns the sponsorship in force in a community: its
// admins' settings, or the params' defaults.
func (k Keeper) FeeSponsorshipOf(ctx context.Context, communityID uint64, params types.Params) (types.FeeSponsorship, error) {
	s, err := k.FeeSponsorships.Get(ctx, communityID)
	if errors.Is(err, collections.ErrNotFound) {
		return params.DefaultFeeSponsorship(communityID), nil
	}
	return s, err
}

// sponsoredPeriodEnd is when the period holding now ends.
func sponsoredPeriodEnd(params types.Params, now time.Time) time.Time {
	period := params.SponsoredPeriod(now.Unix())
	return time.Unix(int64((period+1)*params.FeeAllowancePeriodSeconds), 0).UTC()
}

// validateSponsoredMsgTypes checks that every Msg the params sponsor is a
// registered Msg that names its community: fee accounts never pay for a Msg
// that cannot be tied to their community (MsgExec, MsgSend, ...).
func (k Keeper) validateSponsoredMsgTypes(params types.Params) error {
	registry := k.cdc.InterfaceRegistry()
	msgs := registry.ListImplementations(sdk.MsgInterfaceProtoName)
	for _, url := range params.FeeAllowanceMsgTypeUrls {
		if !slices.Contains(msgs, url) {
			return types.ErrInvalidParams.Wrapf("fee_allowance_msg_type_urls: %s is not a registered Msg", url)
		}
		msg, err := registry.Resolve(url)
		if err != nil {
			return types.ErrInvalidParams.Wrapf("fee_allowance_msg_type_urls: %s: %v", url, err)
		}
		if _, ok := msg.(communitytypes.CommunityMsg); !ok {
			return types.ErrInvalidParams.Wrapf("fee_allowance_msg_type_urls: %s does not name a community", url)
		}
	}
	return nil
}

// registered reports whether err carries a registered error's codespace.
func registered(err error) bool {
	codespace, _, _ := errorsmod.ABCIInfo(err, false)
	return codespace != errorsmod.UndefinedCodespace
}
