package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// AcceptGroupInvite makes the invitee a member of the group thread it was
// invited to, with the earlier messages read. The invitation must still
// stand: the invitee is an active member of the community and has not left
// it since it was invited.
func (s msgServer) AcceptGroupInvite(ctx context.Context, msg *types.MsgAcceptGroupInvite) (*types.MsgAcceptGroupInviteResponse, error) {
	invitee, err := s.parseAddress("invitee", msg.Invitee)
	if err != nil {
		return nil, err
	}
	t, inv, err := s.invitation(ctx, invitee, msg.ThreadId, msg.CommunityId)
	if err != nil {
		return nil, err
	}
	if err := s.requireActiveMember(ctx, t.CommunityId, invitee); err != nil {
		return nil, err
	}
	ok, err := s.newStandings().invitationStands(ctx, inv, invitee)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, types.ErrNoInvitation.Wrapf("the invitation of %s to thread %d lapsed when it left community %d",
			msg.Invitee, t.Id, t.CommunityId)
	}
	members, err := s.members(t)
	if err != nil {
		return nil, err
	}
	params, err := s.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	if indexOf(members, invitee) < 0 {
		if len(members) >= int(params.MaxGroupMembers) {
			return nil, types.ErrInvalidMembers.Wrapf("thread %d already has %d members", t.Id, len(members))
		}
		members = append(members, invitee)
	}

	if err := s.removeInvitation(ctx, collections.Join3(invitee, t.CommunityId, t.Id)); err != nil {
		return nil, err
	}
	if err := s.joinGroup(ctx, t, invitee); err != nil {
		return nil, err
	}
	t.Members = s.formatAddresses(members)
	if err := s.Threads.Set(ctx, t.Id, t); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventGroupInviteAccepted{
		ThreadId:    t.Id,
		CommunityId: t.CommunityId,
		Member:      s.formatAddress(invitee),
	}); err != nil {
		return nil, err
	}
	return &types.MsgAcceptGroupInviteResponse{ReadSeq: t.LastSeq}, nil
}

// DeclineGroupInvite drops a pending invitation of the invitee, also one
// that lapsed.
func (s msgServer) DeclineGroupInvite(ctx context.Context, msg *types.MsgDeclineGroupInvite) (*types.MsgDeclineGroupInviteResponse, error) {
	invitee, err := s.parseAddress("invitee", msg.Invitee)
	if err != nil {
		return nil, err
	}
	t, _, err := s.invitation(ctx, invitee, msg.ThreadId, msg.CommunityId)
	if err != nil {
		return nil, err
	}
	if err := s.removeInvitation(ctx, collections.Join3(invitee, t.CommunityId, t.Id)); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventGroupInviteDeclined{
		ThreadId:    t.Id,
		CommunityId: t.CommunityId,
		Invitee:     s.formatAddress(invitee),
	}); err != nil {
		return nil, err
	}
	return &types.MsgDeclineGroupInviteResponse{}, nil
}

// invitation returns a thread and the invitation of invitee to it, checking
// the community the Msg states.
func (s msgServer) invitation(ctx context.Context, invitee sdk.AccAddress, threadID, communityID uint64) (types.Thread, types.Invitation, error) {
	t, err := s.GetThread(ctx, threadID)
	if err != nil {
		return types.Thread{}, types.Invitation{}, err
	}
	if err := types.CheckCommunity(communityID, t.CommunityId, "the thread"); err != nil {
		return types.Thread{}, types.Invitation{}, err
	}
	inv, err := s.Invitations.Get(ctx, collections.Join3(invitee, t.CommunityId, t.Id))
	if errors.Is(err, collections.ErrNotFound) {
		return types.Thread{}, types.Invitation{}, types.ErrNoInvitation.Wrapf("%s to thread %d", s.formatAddress(invitee), t.Id)
	}
	if err != nil {
		return types.Thread{}, types.Invitation{}, err
	}
	return t, inv, nil
}
