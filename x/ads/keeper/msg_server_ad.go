package keeper

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/ads/types"
)

// CreateAd publishes an open ad of an active member.
func (s msgServer) CreateAd(ctx context.Context, msg *types.MsgCreateAd) (*types.MsgCreateAdResponse, error) {
	owner, err := s.parseAddress("owner", msg.Owner)
	if err != nil {
		return nil, err
	}
	params, err := s.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	if err := msg.Validate(params); err != nil {
		return nil, err
	}
	if err := s.requireActiveMember(ctx, msg.CommunityId, owner); err != nil {
		return nil, err
	}

	id, err := s.nextAdID(ctx)
	if err != nil {
		return nil, err
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	ad := types.Ad{
		Id:          id,
		CommunityId: msg.CommunityId,
		Owner:       s.formatAddress(owner),
		Type:        msg.Type,
		Title:       msg.Title,
		Description: msg.Description,
		Price:       msg.Price,
		Location:    msg.Location,
		PhotoUri:    msg.PhotoUri,
		PhotoSha256: msg.PhotoSha256,
		Category:    msg.Category,
		Status:      types.AdStatusOpen,
		CreatedAt:   now,
		UpdatedAt:   now,
	}
	if err := s.Ads.Set(ctx, id, ad); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventAdCreated{
		AdId:        id,
		CommunityId: ad.CommunityId,
		Owner:       ad.Owner,
		Type:        ad.Type,
		Title:       ad.Title,
		Price:       ad.Price,
	}); err != nil {
		return nil, err
	}
	return &types.MsgCreateAdResponse{Id: id}, nil
}

// UpdateAd changes the fields the owner sets or clears. Only open ads that
// were never paid change, and only while the owner is an active member of the
// ad's community.
func (s msgServer) UpdateAd(ctx context.Context, msg *types.MsgUpdateAd) (*types.MsgUpdateAdResponse, error) {
	owner, err := s.parseAddress("owner", msg.Owner)
	if err != nil {
		return nil, err
	}
	params, err := s.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	update, err := msg.Validate(params)
	if err != nil {
		return nil, err
	}
	ad, err := s.getAdOf(ctx, msg.AdId, msg.CommunityId)
	if err != nil {
		return nil, err
	}
	if err := s.requireOwner(ad, owner); err != nil {
		return nil, err
	}
	if ad.Status != types.AdStatusOpen {
		return nil, types.ErrAdClosed.Wrapf("ad %d", ad.Id)
	}
	if ad.Paid {
		return nil, types.ErrAdPaid.Wrapf("ad %d", ad.Id)
	}
	if err := s.requireActiveMember(ctx, ad.CommunityId, owner); err != nil {
		return nil, err
	}
	ad = update.Apply(ad)
	if err := types.ValidatePhotoDigest(ad.PhotoUri, ad.PhotoSha256); err != nil {
		return nil, err
	}

	ad.UpdatedAt = sdk.UnwrapSDKContext(ctx).BlockTime()
	if err := s.Ads.Set(ctx, ad.Id, ad); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventAdUpdated{
		AdId:        ad.Id,
		CommunityId: ad.CommunityId,
		Owner:       ad.Owner,
		Title:       ad.Title,
		Price:       ad.Price,
	}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateAdResponse{}, nil
}

// CloseAd closes an open ad, paid or not. The owner may close its ads also
// after leaving their community.
func (s msgServer) CloseAd(ctx context.Context, msg *types.MsgCloseAd) (*types.MsgCloseAdResponse, error) {
	owner, err := s.parseAddress("owner", msg.Owner)
	if err != nil {
		return nil, err
	}
	ad, err := s.getAdOf(ctx, msg.AdId, msg.CommunityId)
	if err != nil {
		return nil, err
	}
	if err := s.requireOwner(ad, owner); err != nil {
		return nil, err
	}
	if ad.Status != types.AdStatusOpen {
		return nil, types.ErrAdClosed.Wrapf("ad %d is already closed", ad.Id)
	}

	ad.Status = types.AdStatusClosed
	ad.UpdatedAt = sdk.UnwrapSDKContext(ctx).BlockTime()
	if err := s.Ads.Set(ctx, ad.Id, ad); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventAdClosed{AdId: ad.Id, CommunityId: ad.CommunityId, Owner: ad.Owner}); err != nil {
		return nil, err
	}
	return &types.MsgCloseAdResponse{}, nil
}

// getAdOf returns ad adID, which must belong to communityID unless that is 0
// (the Msg names no community).
func (s msgServer) getAdOf(ctx context.Context, adID, communityID uint64) (types.Ad, error) {
	ad, err := s.GetAd(ctx, adID)
	if err != nil {
		return types.Ad{}, err
	}
	if communityID != 0 && ad.CommunityId != communityID {
		return types.Ad{}, types.ErrCommunityMismatch.Wrapf("ad %d belongs to community %d, not %d", adID, ad.CommunityId, communityID)
	}
	return ad, nil
}
