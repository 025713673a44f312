package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/community/types"
)

// CreateCommunity creates a community and makes the creator its first admin.
func (s msgServer) CreateCommunity(ctx context.Context, msg *types.MsgCreateCommunity) (*types.MsgCreateCommunityResponse, error) {
	creator, err := s.parseAddress("creator", msg.Creator)
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
	if id, taken, err := s.nameOwner(ctx, msg.Name); err != nil {
		return nil, err
	} else if taken {
		return nil, types.ErrNameTaken.Wrapf("%q is used by community %d", msg.Name, id)
	}

	id, err := s.nextCommunityID(ctx)
	if err != nil {
		return nil, err
	}
	now := sdk.UnwrapSDKContext(ctx).BlockTime()
	creatorAddr := s.formatAddress(creator)
	community := types.Community{
		Id:          id,
		Name:        msg.Name,
		Description: msg.Description,
		Location:    msg.Location,
		JoinPolicy:  msg.JoinPolicy,
		Creator:     creatorAddr,
		CreatedAt:   now,
	}
	if err := s.Communities.Set(ctx, id, community); err != nil {
		return nil, err
	}
	admin := types.Member{
		CommunityId: id,
		Address:     creatorAddr,
		Role:        types.RoleAdmin,
		Status:      types.MemberStatusActive,
		JoinedAt:    now,
		Profile:     types.Profile{Username: msg.Username},
	}
	if err := s.Members.Set(ctx, collections.Join(id, creator), admin); err != nil {
		return nil, err
	}
	if err := emit(ctx,
		&types.EventCommunityCreated{CommunityId: id, Name: msg.Name, Creator: creatorAddr, JoinPolicy: msg.JoinPolicy},
		&types.EventMemberJoined{CommunityId: id, Member: creatorAddr, Username: msg.Username, Role: types.RoleAdmin},
	); err != nil {
		return nil, err
	}
	if err := s.afterMemberActivated(ctx, id, creator); err != nil {
		return nil, err
	}
	return &types.MsgCreateCommunityResponse{Id: id}, nil
}

// UpdateCommunity changes the settings an admin sets or clears.
func (s msgServer) UpdateCommunity(ctx context.Context, msg *types.MsgUpdateCommunity) (*types.MsgUpdateCommunityResponse, error) {
	admin, err := s.parseAddress("admin", msg.Admin)
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
	adminMember, err := s.requireRole(ctx, msg.CommunityId, admin, types.RoleAdmin)
	if err != nil {
		return nil, err
	}
	community, err := s.GetCommunity(ctx, msg.CommunityId)
	if err != nil {
		return nil, err
	}
	if update.Name != "" {
		if id, taken, err := s.nameOwner(ctx, update.Name); err != nil {
			return nil, err
		} else if taken && id != community.Id {
			return nil, types.ErrNameTaken.Wrapf("%q is used by community %d", update.Name, id)
		}
	}

	community = update.Apply(community)
	if err := s.Communities.Set(ctx, community.Id, community); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventCommunityUpdated{
		CommunityId: community.Id,
		Admin:       adminMember.Address,
		Name:        community.Name,
		JoinPolicy:  community.JoinPolicy,
	}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateCommunityResponse{}, nil
}
