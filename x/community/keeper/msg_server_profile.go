package keeper

import (
	"context"

	"cosmossdk.io/collections"

	"github.com/kizuna-chain/kizuna/x/community/types"
)

// UpdateProfile changes the profile fields an active member sets or clears.
func (s msgServer) UpdateProfile(ctx context.Context, msg *types.MsgUpdateProfile) (*types.MsgUpdateProfileResponse, error) {
	addr, err := s.parseAddress("member", msg.Member)
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
	member, err := s.requireRole(ctx, msg.CommunityId, addr, types.RoleAdmin, types.RoleModerator, types.RoleTeller, types.RoleMember)
	if err != nil {
		return nil, err
	}
	profile := update.Apply(member.Profile)
	if err := types.ValidateAvatarDigest(profile.AvatarUri, profile.AvatarSha256); err != nil {
		return nil, err
	}
	if update.Username != "" {
		if owner, taken, err := s.usernameOwner(ctx, msg.CommunityId, update.Username); err != nil {
			return nil, err
		} else if taken && !owner.Equals(addr) {
			return nil, types.ErrUsernameTaken.Wrapf("%q in community %d", update.Username, msg.CommunityId)
		}
	}

	member.Profile = profile
	if err := s.Members.Set(ctx, collections.Join(msg.CommunityId, addr), member); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventProfileUpdated{
		CommunityId: msg.CommunityId, Member: member.Address, Username: profile.Username,
	}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateProfileResponse{}, nil
}
