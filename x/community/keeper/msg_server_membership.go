package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/community/types"
)

// JoinCommunity makes the sender an active member of an OPEN community, or
// records its pending request to join an APPROVAL one.
func (s msgServer) JoinCommunity(ctx context.Context, msg *types.MsgJoinCommunity) (*types.MsgJoinCommunityResponse, error) {
	addr, err := s.parseAddress("member", msg.Member)
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
	community, err := s.GetCommunity(ctx, msg.CommunityId)
	if err != nil {
		return nil, err
	}
	key := collections.Join(community.Id, addr)
	if has, err := s.Members.Has(ctx, key); err != nil {
		return nil, err
	} else if has {
		return nil, types.ErrAlreadyMember.Wrapf("%s in community %d", msg.Member, community.Id)
	}
	if _, taken, err := s.usernameOwner(ctx, community.Id, msg.Username); err != nil {
		return nil, err
	} else if taken {
		return nil, types.ErrUsernameTaken.Wrapf("%q in community %d", msg.Username, community.Id)
	}

	member := types.Member{
		CommunityId: community.Id,
		Address:     s.formatAddress(addr),
		Role:        types.RoleMember,
		Status:      types.MemberStatusActive,
		JoinedAt:    sdk.UnwrapSDKContext(ctx).BlockTime(),
		Profile:     msg.Profile(),
	}
	if community.JoinPolicy == types.JoinPolicyApproval {
		member.Status = types.MemberStatusPending
	}
	if err := s.Members.Set(ctx, key, member); err != nil {
		return nil, err
	}

	if member.Status == types.MemberStatusPending {
		if err := emit(ctx, &types.EventMemberRequested{
			CommunityId: community.Id, Member: member.Address, Username: member.Profile.Username,
		}); err != nil {
			return nil, err
		}
		return &types.MsgJoinCommunityResponse{Status: member.Status}, nil
	}
	if err := emit(ctx, &types.EventMemberJoined{
		CommunityId: community.Id, Member: member.Address, Username: member.Profile.Username, Role: member.Role,
	}); err != nil {
		return nil, err
	}
	if err := s.afterMemberActivated(ctx, community.Id, addr); err != nil {
		return nil, err
	}
	return &types.MsgJoinCommunityResponse{Status: member.Status}, nil
}

// ApproveMember turns a pending request into an active membership.
func (s msgServer) ApproveMember(ctx context.Context, msg *types.MsgApproveMember) (*types.MsgApproveMemberResponse, error) {
	reviewer, target, member, err := s.loadPendingRequest(ctx, msg.Reviewer, msg.CommunityId, msg.Member)
	if err != nil {
		return nil, err
	}

	member.Status = types.MemberStatusActive
	member.JoinedAt = sdk.UnwrapSDKContext(ctx).BlockTime()
	if err := s.Members.Set(ctx, collections.Join(msg.CommunityId, target), member); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventMemberApproved{
		CommunityId: msg.CommunityId, Member: member.Address, Reviewer: reviewer.Address,
	}); err != nil {
		return nil, err
	}
	if err := s.afterMemberActivated(ctx, msg.CommunityId, target); err != nil {
		return nil, err
	}
	return &types.MsgApproveMemberResponse{}, nil
}

// RejectMember deletes a pending request.
func (s msgServer) RejectMember(ctx context.Context, msg *types.MsgRejectMember) (*types.MsgRejectMemberResponse, error) {
	reviewer, target, member, err := s.loadPendingRequest(ctx, msg.Reviewer, msg.CommunityId, msg.Member)
	if err != nil {
		return nil, err
	}

	if err := s.Members.Remove(ctx, collections.Join(msg.CommunityId, target)); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventMemberRejected{
		CommunityId: msg.CommunityId, Member: member.Address, Reviewer: reviewer.Address,
	}); err != nil {
		return nil, err
	}
	return &types.MsgRejectMemberResponse{}, nil
}

// loadPendingRequest checks that reviewer may decide on requests in the
// community and that target has a pending request there.
func (s msgServer) loadPendingRequest(
	ctx context.Context, reviewerAddr string, communityID uint64, targetAddr string,
) (reviewer types.Member, target sdk.AccAddress, request types.Member, err error) {
	reviewerBz, err := s.parseAddress("reviewer", reviewerAddr)
	if err != nil {
		return types.Member{}, nil, types.Member{}, err
	}
	target, err = s.parseAddress("member", targetAddr)
	if err != nil {
		return types.Member{}, nil, types.Member{}, err
	}
	reviewer, err = s.requireRole(ctx, communityID, reviewerBz, types.RoleAdmin, types.RoleModerator)
	if err != nil {
		return types.Member{}, nil, types.Member{}, err
	}
	request, err = s.GetMember(ctx, communityID, target)
	if err != nil {
		return types.Member{}, nil, types.Member{}, err
	}
	if request.Status != types.MemberStatusPending {
		return types.Member{}, nil, types.Member{}, types.ErrMemberNotPending.Wrapf("%s is %s in community %d", request.Address, request.Status, communityID)
	}
	return reviewer, target, request, nil
}

// LeaveCommunity ends the sender's membership, or withdraws its request.
func (s msgServer) LeaveCommunity(ctx context.Context, msg *types.MsgLeaveCommunity) (*types.MsgLeaveCommunityResponse, error) {
	addr, err := s.parseAddress("member", msg.Member)
	if err != nil {
		return nil, err
	}
	if _, err := s.GetCommunity(ctx, msg.CommunityId); err != nil {
		return nil, err
	}
	member, err := s.GetMember(ctx, msg.CommunityId, addr)
	if err != nil {
		return nil, err
	}
	if err := s.checkNotLastAdmin(ctx, member, addr); err != nil {
		return nil, err
	}

	if err := s.Members.Remove(ctx, collections.Join(msg.CommunityId, addr)); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventMemberLeft{
		CommunityId: msg.CommunityId, Member: member.Address, Status: member.Status,
	}); err != nil {
		return nil, err
	}
	if member.Status == types.MemberStatusActive {
		if err := s.afterMemberRemoved(ctx, msg.CommunityId, addr); err != nil {
			return nil, err
		}
	}
	return &types.MsgLeaveCommunityResponse{}, nil
}

// RemoveMember removes an active member; pending requests are rejected with
// RejectMember instead.
func (s msgServer) RemoveMember(ctx context.Context, msg *types.MsgRemoveMember) (*types.MsgRemoveMemberResponse, error) {
	adminAddr, err := s.parseAddress("admin", msg.Admin)
	if err != nil {
		return nil, err
	}
	target, err := s.parseAddress("member", msg.Member)
	if err != nil {
		return nil, err
	}
	admin, err := s.requireRole(ctx, msg.CommunityId, adminAddr, types.RoleAdmin)
	if err != nil {
		return nil, err
	}
	member, err := s.GetMember(ctx, msg.CommunityId, target)
	if err != nil {
		return nil, err
	}
	if member.Status != types.MemberStatusActive {
		return nil, types.ErrMemberNotActive.Wrapf("%s is %s in community %d; reject the request instead", member.Address, member.Status, msg.CommunityId)
	}
	if err := s.checkCreatorRule(ctx, adminAddr, member, target); err != nil {
		return nil, err
	}
	if err := s.checkNotLastAdmin(ctx, member, target); err != nil {
		return nil, err
	}

	if err := s.Members.Remove(ctx, collections.Join(msg.CommunityId, target)); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventMemberRemoved{
		CommunityId: msg.CommunityId, Member: member.Address, Admin: admin.Address,
	}); err != nil {
		return nil, err
	}
	if err := s.afterMemberRemoved(ctx, msg.CommunityId, target); err != nil {
		return nil, err
	}
	return &types.MsgRemoveMemberResponse{}, nil
}

// SetMemberRole changes the role of an active member. Setting the role a
// member already has changes nothing and emits no event.
func (s msgServer) SetMemberRole(ctx context.Context, msg *types.MsgSetMemberRole) (*types.MsgSetMemberRoleResponse, error) {
	adminAddr, err := s.parseAddress("admin", msg.Admin)
	if err != nil {
		return nil, err
	}
	target, err := s.parseAddress("member", msg.Member)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateRole(msg.Role); err != nil {
		return nil, err
	}
	admin, err := s.requireRole(ctx, msg.CommunityId, adminAddr, types.RoleAdmin)
	if err != nil {
		return nil, err
	}
	member, err := s.GetMember(ctx, msg.CommunityId, target)
	if err != nil {
		return nil, err
	}
	if member.Status != types.MemberStatusActive {
		return nil, types.ErrMemberNotActive.Wrapf("%s is %s in community %d", member.Address, member.Status, msg.CommunityId)
	}
	if member.Role == msg.Role {
		return &types.MsgSetMemberRoleResponse{}, nil
	}
	if err := s.checkCreatorRule(ctx, adminAddr, member, target); err != nil {
		return nil, err
	}
	if err := s.checkNotLastAdmin(ctx, member, target); err != nil {
		return nil, err
	}

	oldRole := member.Role
	member.Role = msg.Role
	if err := s.Members.Set(ctx, collections.Join(msg.CommunityId, target), member); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventMemberRoleChanged{
		CommunityId: msg.CommunityId, Member: member.Address, OldRole: oldRole, NewRole: member.Role, Admin: admin.Address,
	}); err != nil {
		return nil, err
	}
	return &types.MsgSetMemberRoleResponse{}, nil
}

// checkNotLastAdmin fails with types.ErrLastAdmin when member, about to
// leave, be removed or lose its admin role, is its community's last admin.
func (s msgServer) checkNotLastAdmin(ctx context.Context, member types.Member, addr sdk.AccAddress) error {
	if member.Role != types.RoleAdmin || member.Status != types.MemberStatusActive {
		return nil
	}
	other, err := s.hasOtherAdmin(ctx, member.CommunityId, addr)
	if err != nil {
		return err
	}
	if !other {
		return types.ErrLastAdmin.Wrapf("%s is the only admin of community %d; make another member admin first", member.Address, member.CommunityId)
	}
	return nil
}

// checkCreatorRule makes the creator the owner of its community: while the
// creator is an active admin, only the creator removes or demotes another
// admin, and nobody but the creator itself removes or demotes the creator.
// Once the creator is no longer an admin, admins act on each other freely.
// It fails with types.ErrCreatorOnly when actor, about to remove member or
// change its role, may not.
func (s msgServer) checkCreatorRule(ctx context.Context, actor sdk.AccAddress, member types.Member, addr sdk.AccAddress) error {
	if actor.Equals(addr) || member.Role != types.RoleAdmin || member.Status != types.MemberStatusActive {
		return nil
	}
	community, err := s.GetCommunity(ctx, member.CommunityId)
	if err != nil {
		return err
	}
	creator, err := s.parseAddress("creator", community.Creator)
	if err != nil {
		return err
	}
	if addr.Equals(creator) {
		return types.ErrCreatorOnly.Wrapf("%s created community %d and is its admin; only it may give that up", member.Address, member.CommunityId)
	}
	if actor.Equals(creator) {
		return nil
	}
	creatorIsAdmin, err := s.HasRole(ctx, member.CommunityId, creator, types.RoleAdmin)
	if err != nil {
		return err
	}
	if creatorIsAdmin {
		return types.ErrCreatorOnly.Wrapf("%s is an admin of community %d; only its creator %s may remove or demote it", member.Address, member.CommunityId, community.Creator)
	}
	return nil
}
