package keeper

import (
	"context"
	"errors"

	gogoproto "github.com/cosmos/gogoproto/proto"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/accaddr"
	"github.com/kizuna-chain/kizuna/internal/seqid"
	"github.com/kizuna-chain/kizuna/x/ads/types"
)

// GetParams returns the module params.
func (k Keeper) GetParams(ctx context.Context) (types.Params, error) {
	return k.Params.Get(ctx)
}

// GetAd returns an ad, or an error wrapping types.ErrAdNotFound.
func (k Keeper) GetAd(ctx context.Context, id uint64) (types.Ad, error) {
	ad, err := k.Ads.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return types.Ad{}, types.ErrAdNotFound.Wrapf("ad %d", id)
	}
	return ad, err
}

// requireActiveMember returns nil if addr is an active member of an existing
// community, and a registered error saying why not otherwise.
func (k Keeper) requireActiveMember(ctx context.Context, communityID uint64, addr sdk.AccAddress) error {
	if _, err := k.communityKeeper.GetCommunity(ctx, communityID); err != nil {
		return err
	}
	active, err := k.communityKeeper.IsActiveMember(ctx, communityID, addr)
	if err != nil {
		return err
	}
	if !active {
		return types.ErrNotMember.Wrapf("%s in community %d", k.formatAddress(addr), communityID)
	}
	return nil
}

// requireOwner returns nil if addr owns ad, and types.ErrNotOwner otherwise.
func (k Keeper) requireOwner(ad types.Ad, addr sdk.AccAddress) error {
	owner, err := k.ownerOf(ad)
	if err != nil {
		return err
	}
	if !owner.Equals(addr) {
		return types.ErrNotOwner.Wrapf("ad %d belongs to %s, not %s", ad.Id, ad.Owner, k.formatAddress(addr))
	}
	return nil
}

// ownerOf decodes the stored owner of an ad.
func (k Keeper) ownerOf(ad types.Ad) (sdk.AccAddress, error) {
	return k.addressCodec.StringToBytes(ad.Owner)
}

// nextAdID hands out ad ids from types.FirstAdID on.
func (k Keeper) nextAdID(ctx context.Context) (uint64, error) {
	return seqid.Next(ctx, k.NextAdID, types.FirstAdID)
}

// parseAddress decodes an account address from a Msg or genesis, wrapping
// the failure in sdkerrors.ErrInvalidAddress.
func (k Keeper) parseAddress(field, s string) (sdk.AccAddress, error) {
	return accaddr.Parse(k.addressCodec, field, s)
}

func (k Keeper) formatAddress(addr sdk.AccAddress) string {
	return accaddr.Format(k.addressCodec, addr)
}

// emit emits typed events on the context's event manager.
func emit(ctx context.Context, events ...gogoproto.Message) error {
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvents(events...)
}
