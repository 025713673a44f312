package keeper

import (
	"context"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/x/ads/types"
)

// The Commons OS payment rule: for a WANT ad only its owner pays (the helper
// is paid); for a GIVE ad anyone but the owner pays the owner.

// payerAllowed reports whether payer may pay for an ad of type adType owned
// by owner.
func payerAllowed(adType types.AdType, owner, payer sdk.AccAddress) bool {
	switch adType {
	case types.AdTypeWant:
		return payer.Equals(owner)
	case types.AdTypeGive:
		return !payer.Equals(owner)
	default:
		return false
	}
}

// payeeAllowed reports whether payee may be paid for an ad of type adType
// owned by owner.
func payeeAllowed(adType types.AdType, owner, payee sdk.AccAddress) bool {
	switch adType {
	case types.AdTypeWant:
		return !payee.Equals(owner)
	case types.AdTypeGive:
		return payee.Equals(owner)
	default:
		return false
	}
}

// CheckPayment checks that payer may pay payee for the ad adID in the
// community communityID: the ad exists, belongs to that community, is open,
// and the payment rule allows payer and payee. x/ledger calls it before a
// transfer that names an ad; it writes nothing. Membership of payer and payee
// is the caller's business.
func (k Keeper) CheckPayment(ctx context.Context, adID, communityID uint64, payer, payee sdk.AccAddress) error {
	if len(payer) == 0 {
		return sdkerrors.ErrInvalidAddress.Wrap("payer is empty")
	}
	if len(payee) == 0 {
		return sdkerrors.ErrInvalidAddress.Wrap("payee is empty")
	}
	ad, err := k.GetAd(ctx, adID)
	if err != nil {
		return err
	}
	if ad.CommunityId != communityID {
		return types.ErrWrongCommunity.Wrapf("ad %d is in community %d, not %d", ad.Id, ad.CommunityId, communityID)
	}
	if ad.Status != types.AdStatusOpen {
		return types.ErrAdClosed.Wrapf("ad %d", ad.Id)
	}
	owner, err := k.ownerOf(ad)
	if err != nil {
		return err
	}
	if !payerAllowed(ad.Type, owner, payer) {
		if ad.Type == types.AdTypeWant {
			return types.ErrPayerNotAllowed.Wrapf("only the owner %s pays for WANT ad %d", ad.Owner, ad.Id)
		}
		return types.ErrPayerNotAllowed.Wrapf("the owner %s does not pay for its own GIVE ad %d", ad.Owner, ad.Id)
	}
	if !payeeAllowed(ad.Type, owner, payee) {
		if ad.Type == types.AdTypeWant {
			return types.ErrPayeeNotAllowed.Wrapf("the owner %s of WANT ad %d pays someone else", ad.Owner, ad.Id)
		}
		return types.ErrPayeeNotAllowed.Wrapf("only the owner %s is paid for GIVE ad %d", ad.Owner, ad.Id)
	}
	return nil
}

// MarkPaid records that a payment of amount referring to the open ad adID
// was made. A payment that covers the ad's price marks it paid: it can no
// longer be edited. A smaller one leaves the ad as it is, so that nobody
// freezes someone else's ad with a token payment. x/ledger calls it after
// CheckPayment, in the same transaction as the transfer. An ad may be paid
// more than once.
func (k Keeper) MarkPaid(ctx context.Context, adID uint64, amount sdkmath.Int) error {
	ad, err := k.GetAd(ctx, adID)
	if err != nil {
		return err
	}
	if ad.Status != types.AdStatusOpen {
		return types.ErrAdClosed.Wrapf("ad %d", ad.Id)
	}
	if amount.LT(ad.Price) {
		return nil
	}
	ad.Paid = true
	ad.UpdatedAt = sdk.UnwrapSDKContext(ctx).BlockTime()
	if err := k.Ads.Set(ctx, ad.Id, ad); err != nil {
		return err
	}
	return emit(ctx, &types.EventAdPaid{AdId: ad.Id, CommunityId: ad.CommunityId, Owner: ad.Owner, Type: ad.Type})
}

// viewer computes AdView.payable for one account across a query, asking the
// community keeper once per community.
type viewer struct {
	k      Keeper
	addr   sdk.AccAddress
	active map[uint64]bool
}

// newViewer parses the optional viewer of a query; an empty address yields a
// viewer for whom nothing is payable.
func (k Keeper) newViewer(s string) (*viewer, error) {
	v := &viewer{k: k, active: map[uint64]bool{}}
	if s == "" {
		return v, nil
	}
	addr, err := k.parseQueryAddress("viewer", s)
	if err != nil {
		return nil, err
	}
	v.addr = addr
	return v, nil
}

// view returns ad with payable computed for the viewer: an active member of
// the ad's community, the ad open, and the payment rule letting the viewer pay.
func (v *viewer) view(ctx context.Context, ad types.Ad) (types.AdView, error) {
	out := types.AdView{Ad: ad}
	if v.addr == nil || ad.Status != types.AdStatusOpen {
		return out, nil
	}
	owner, err := v.k.ownerOf(ad)
	if err != nil {
		return types.AdView{}, err
	}
	if !payerAllowed(ad.Type, owner, v.addr) {
		return out, nil
	}
	active, known := v.active[ad.CommunityId]
	if !known {
		active, err = v.k.communityKeeper.IsActiveMember(ctx, ad.CommunityId, v.addr)
		if err != nil {
			return types.AdView{}, err
		}
		v.active[ad.CommunityId] = active
	}
	out.Payable = active
	return out, nil
}
