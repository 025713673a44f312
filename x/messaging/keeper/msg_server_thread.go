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
	}, []sdk.AccAddress{requester, owner})
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
	}, []sdk.AccAddress{creator, peer})
	if err != nil {
		return nil, err
	}
	if err := s.DirectThreads.Set(ctx, key, id); err != nil {
		return nil, err
	}
	return &types.MsgOpenDirectThreadResponse{ThreadId: id, Created: true}, nil
}

// CreateGroupThread creates a titled thread among active members of a
// community; the creator is added first when not listed.
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
	members := listed
	if indexOf(listed, creator) < 0 {
		members = append([]sdk.AccAddress{creator}, listed...)
	}
	if err := params.ValidateGroupSize(len(members)); err != nil {
		return nil, err
	}
	if _, err := s.communityKeeper.GetCommunity(ctx, msg.CommunityId); err != nil {
		return nil, err
	}
	for _, m := range members {
		if err := s.requireActiveMember(ctx, msg.CommunityId, m); err != nil {
			return nil, err
		}
	}

	id, err := s.createThread(ctx, types.Thread{
		CommunityId: msg.CommunityId,
		Kind:        types.ThreadKindGroup,
		Title:       msg.Title,
		Creator:     s.formatAddress(creator),
	}, members)
	if err != nil {
		return nil, err
	}
	return &types.MsgCreateGroupThreadResponse{ThreadId: id}, nil
}

// UpdateGroupThread replaces the members and the title of a group thread.
// Its creator or an admin of its community may, while an active member.
// Members who join start with every earlier message read; members who go
// lose their read mark.
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
	members, err := s.parseMembers(msg.Members, params)
	if err != nil {
		return nil, err
	}
	if err := params.ValidateGroupSize(len(members)); err != nil {
		return nil, err
	}
	t, err := s.GetThread(ctx, msg.ThreadId)
	if err != nil {
		return nil, err
	}
	if t.Kind != types.ThreadKindGroup {
		return nil, types.ErrNotGroup.Wrapf("thread %d is %s", t.Id, t.Kind)
	}
	if err := s.requireActiveMember(ctx, t.CommunityId, updater); err != nil {
		return nil, err
	}
	if err := s.requireCreatorOrAdmin(ctx, t, updater); err != nil {
		return nil, err
	}
	for _, m := range members {
		if err := s.requireActiveMember(ctx, t.CommunityId, m); err != nil {
			return nil, err
		}
	}

	old, err := s.members(t)
	if err != nil {
		return nil, err
	}
	var added, removed []sdk.AccAddress
	for _, m := range old {
		if indexOf(members, m) < 0 {
			removed = append(removed, m)
			if err := s.dropMember(ctx, t, m); err != nil {
				return nil, err
			}
		}
	}
	for _, m := range members {
		if indexOf(old, m) >= 0 {
			continue
		}
		added = append(added, m)
		if err := s.ThreadsByMember.Set(ctx, collections.Join3(m, t.CommunityId, t.Id)); err != nil {
			return nil, err
		}
		if t.LastSeq > 0 {
			if err := s.ReadMarks.Set(ctx, collections.Join(t.Id, m), t.LastSeq); err != nil {
				return nil, err
			}
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
