package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// OpenAdThread opens the thread between the requester and the owner of an
// ad, both active members of the ad's community. Asking again returns the
// thread already open, without writing anything.
func (s msgServer) OpenAdThread(ctx context.Context, msg *types.MsgOpenAdThread) (*types.MsgOpenAdThreadResponse, error) {
	requester, err := s.parseAddress("requester", msg.Requester)
	if err != nil {
		return nil, err
	}
	ad, err := s.adsKeeper.GetAd(ctx, msg.AdId)
	if err != nil {
		return nil, err
	}
	if err := types.CheckCommunity(msg.CommunityId, ad.CommunityId, "the ad"); err != nil {
		return nil, err
	}
	ownerBz, err := s.addressCodec.StringToBytes(ad.Owner)
	if err != nil {
		return nil, err
	}
	owner := sdk.AccAddress(ownerBz)
	if owner.Equals(requester) {
		return nil, types.ErrSelfThread.Wrapf("%s owns ad %d", msg.Requester, ad.Id)
	}
	if err := s.requireActiveMember(ctx, ad.CommunityId, requester); err != nil {
		return nil, err
	}

	key := collections.Join(ad.Id, requester)
	id, err := s.AdThreads.Get(ctx, key)
	switch {
	case err == nil:
		return &types.MsgOpenAdThreadResponse{ThreadId: id, Created: false}, nil
	case !errors.Is(err, collections.ErrNotFound):
		return nil, err
	}
	if err := s.requireActiveMember(ctx, ad.CommunityId, owner); err != nil {
		return nil, err
	}

	id, err = s.createThread(ctx, types.Thread{
		CommunityId: ad.CommunityId,
		Kind:        types.ThreadKindAd,
		AdId:        ad.Id,
		Creator:     s.formatAddress(requester),
	}, []sdk.AccAddress{requester, owner}, nil)
	if err != nil {
		return nil, err
	}
	if err := s.AdThreads.Set(ctx, key, id); err != nil {
		return nil, err
	}
	return &types.MsgOpenAdThreadResponse{ThreadId: id, Created: true}, nil
}

// OpenDirectThread opens the thread between two active members of a
// community. Whoever of the two asks again gets the thread already open.
func (s msgServer) OpenDirectThread(ctx context.Context, msg *types.MsgOpenDirectThread) (*types.MsgOpenDirectThreadResponse, error) {
	creator, err := s.parseAddress("creator", msg.Creator)
	if err != nil {
		return nil, err
	}
	peer, err := s.parseAddress("peer", msg.Peer)
	if err != nil {
		return nil, err
	}
	if creator.Equals(peer) {
		return nil, types.ErrSelfThread.Wrap("peer is the creator")
	}
	if _, err := s.communityKeeper.GetCommunity(ctx, msg.CommunityId); err != nil {
		return nil, err
	}
	if err := s.requireActiveMember(ctx, msg.CommunityId, creator); err != nil {
		return nil, err
	}

	lo, hi := types.OrderPair(creator, peer)
	key := collections.Join3(msg.CommunityId, lo, hi)
	id, err := s.DirectThreads.Get(ctx, key)
	switch {
	case err == nil:
		return &types.MsgOpenDirectThreadResponse{ThreadId: id, Created: false}, nil
	case !errors.Is(err, collections.ErrNotFound):
		return nil, err
	}
	if err := s.requireActiveMember(ctx, msg.CommunityId, peer); err != nil {
		return nil, err
	}

	id, err = s.createThread(ctx, types.Thread{
		CommunityId: msg.CommunityId,
		Kind:        types.ThreadKindDirect,
		Creator:     s.formatAddress(creator),
	}, []sdk.AccAddress{creator, peer}, nil)
	if err != nil {
		return nil, err
	}
	if err := s.DirectThreads.Set(ctx, key, id); err != nil {
		return nil, err
	}
	return &types.MsgOpenDirectThreadResponse{ThreadId: id, Created: true}, nil
}

// CreateGroupThread creates a titled thread in a community. Its creator is
// its first member; the other accounts listed, active members of the
// community, are invited and join only by accepting, so nobody is put into a
// group without consent. The group size counts the creator and the invitees.
func (s msgServer) CreateGroupThread(ctx context.Context, msg *types.MsgCreateGroupThread) (*types.MsgCreateGroupThreadResponse, error) {
	creator, err := s.parseAddress("creator", msg.Creator)
	if err != nil {
		return nil, err
	}
	params, err := s.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	if err := params.ValidateTitle(msg.Title); err != nil {
		return nil, err
	}
	listed, err := s.parseMembers(msg.Members, params)
	if err != nil {
		return nil, err
	}
	invited := make([]sdk.AccAddress, 0, len(listed))
	for _, m := range listed {
		if !m.Equals(creator) {
			invited = append(invited, m)
		}
	}
	if err := params.ValidateGroupSize(1 + len(invited)); err != nil {
		return nil, err
	}
	if _, err := s.communityKeeper.GetCommunity(ctx, msg.CommunityId); err != nil {
		return nil, err
	}
	if err := s.requireActiveMember(ctx, msg.CommunityId, creator); err != nil {
		return nil, err
	}
	st := s.newStandings()
	plans := make([]invitePlan, 0, len(invited))
	for _, m := range invited {
		if err := s.requireActiveMember(ctx, msg.CommunityId, m); err != nil {
			return nil, err
		}
		plan, err := s.planInvite(ctx, st, params, creator, m, msg.CommunityId, 0)
		if err != nil {
			return nil, err
		}
		plans = append(plans, plan)
	}

	id, err := s.createThread(ctx, types.Thread{
		CommunityId: msg.CommunityId,
		Kind:        types.ThreadKindGroup,
		Title:       msg.Title,
		Creator:     s.formatAddress(creator),
	}, []sdk.AccAddress{creator}, invited)
	if err != nil {
		return nil, err
	}
	for _, plan := range plans {
		if err := s.invite(ctx, plan, id); err != nil {
			return nil, err
		}
	}
	return &types.MsgCreateGroupThreadResponse{ThreadId: id}, nil
}

// UpdateGroupThread makes the members and pending invitations of a group
// thread the list given, and sets its title. Its creator or an admin of its
// community may, while an active member. Members not listed, and members who
// left the community since they joined, are removed and lose their read
// mark; listed accounts that are neither members nor invited are invited
// (the updater joins at once); invitations of accounts not listed are
// withdrawn.
func (s msgServer) UpdateGroupThread(ctx context.Context, msg *types.MsgUpdateGroupThread) (*types.MsgUpdateGroupThreadResponse, error) {
	updater, err := s.parseAddress("updater", msg.Updater)
	if err != nil {
		return nil, err
	}
	params, err := s.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	if err := params.ValidateTitle(msg.Title); err != nil {
		return nil, err
	}
	desired, err := s.parseMembers(msg.Members, params)
	if err != nil {
		return nil, err
	}
	if err := params.ValidateGroupSize(len(desired)); err != nil {
		return nil, err
	}
	t, err := s.GetThread(ctx, msg.ThreadId)
	if err != nil {
		return nil, err
	}
	if t.Kind != types.ThreadKindGroup {
		return nil, types.ErrNotGroup.Wrapf("thread %d is %s", t.Id, t.Kind)
	}
	if err := types.CheckCommunity(msg.CommunityId, t.CommunityId, "the thread"); err != nil {
		return nil, err
	}
	if err := s.requireActiveMember(ctx, t.CommunityId, updater); err != nil {
		return nil, err
	}
	if err := s.requireCreatorOrAdmin(ctx, t, updater); err != nil {
		return nil, err
	}
	for _, m := range desired {
		if err := s.requireActiveMember(ctx, t.CommunityId, m); err != nil {
			return nil, err
		}
	}

	st := s.newStandings()
	old, err := s.members(t)
	if err != nil {
		return nil, err
	}
	var kept, removed []sdk.AccAddress
	for _, m := range old {
		counts, err := st.countsInGroup(ctx, t, m)
		if err != nil {
			return nil, err
		}
		if counts && indexOf(desired, m) >= 0 {
			kept = append(kept, m)
		} else {
			removed = append(removed, m)
		}
	}
	pending, err := s.invitees(ctx, t.Id)
	if err != nil {
		return nil, err
	}
	var standing, uninvited []sdk.AccAddress
	for _, p := range pending {
		if indexOf(desired, p) < 0 {
			uninvited = append(uninvited, p)
			continue
		}
		inv, err := s.Invitations.Get(ctx, collections.Join3(p, t.CommunityId, t.Id))
		if err != nil {
			return nil, err
		}
		ok, err := st.invitationStands(ctx, inv, p)
		if err != nil {
			return nil, err
		}
		if ok {
			standing = append(standing, p)
		}
	}
	var members, added, invited []sdk.AccAddress
	var plans []invitePlan
	for _, m := range desired {
		switch {
		case indexOf(kept, m) >= 0:
			members = append(members, m)
		case m.Equals(updater):
			members = append(members, m)
			added = append(added, m)
		case indexOf(standing, m) >= 0:
		default:
			plan, err := s.planInvite(ctx, st, params, updater, m, t.CommunityId, t.Id)
			if err != nil {
				return nil, err
			}
			plans = append(plans, plan)
			invited = append(invited, m)
		}
	}

	for _, m := range removed {
		if err := s.dropMember(ctx, t, m); err != nil {
			return nil, err
		}
	}
	for _, p := range uninvited {
		if err := s.removeInvitation(ctx, collections.Join3(p, t.CommunityId, t.Id)); err != nil {
			return nil, err
		}
	}
	for _, m := range added {
		if err := s.joinGroup(ctx, t, m); err != nil {
			return nil, err
		}
	}
	for _, plan := range plans {
		if err := s.invite(ctx, plan, t.Id); err != nil {
			return nil, err
		}
	}
	t.Members = s.formatAddresses(members)
	t.Title = msg.Title
	if err := s.Threads.Set(ctx, t.Id, t); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventGroupThreadUpdated{
		ThreadId:    t.Id,
		CommunityId: t.CommunityId,
		Updater:     s.formatAddress(updater),
		Title:       t.Title,
		Members:     t.Members,
		Added:       s.formatAddresses(added),
		Removed:     s.formatAddresses(removed),
		Invited:     s.formatAddresses(invited),
		Uninvited:   s.formatAddresses(uninvited),
	}); err != nil {
		return nil, err
	}
	return &types.MsgUpdateGroupThreadResponse{}, nil
}

// parseMembers decodes a member list of at most max_group_members entries,
// rejecting duplicates.
func (s msgServer) parseMembers(list []string, params types.Params) ([]sdk.AccAddress, error) {
	if len(list) > int(params.MaxGroupMembers) {
		return nil, types.ErrInvalidMembers.Wrapf("%d members listed, at most %d allowed", len(list), params.MaxGroupMembers)
	}
	out := make([]sdk.AccAddress, 0, len(list))
	for _, m := range list {
		addr, err := s.parseAddress("member", m)
		if err != nil {
			return nil, err
		}
		if indexOf(out, addr) >= 0 {
			return nil, types.ErrDuplicateMember.Wrap(m)
		}
		out = append(out, addr)
	}
	return out, nil
}

// requireCreatorOrAdmin returns nil if addr created the thread or is an
// admin of its community.
func (s msgServer) requireCreatorOrAdmin(ctx context.Context, t types.Thread, addr sdk.AccAddress) error {
	creator, err := s.addressCodec.StringToBytes(t.Creator)
	if err != nil {
		return err
	}
	if sdk.AccAddress(creator).Equals(addr) {
		return nil
	}
	admin, err := s.communityKeeper.HasRole(ctx, t.CommunityId, addr, communitytypes.RoleAdmin)
	if err != nil {
		return err
	}
	if !admin {
		return types.ErrUnauthorized.Wrapf("%s on thread %d", s.formatAddress(addr), t.Id)
	}
	return nil
}
