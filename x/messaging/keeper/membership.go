package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// Group memberships lapse lazily. Leaving or being removed from a community
// only bumps the account's departure count there (one read, one write),
// whatever the number of its groups. A GROUP member counts while it is an
// active member of the community and its departure count is the one it had
// when it joined the group; an invitation likewise. So re-joining the
// community does not bring old memberships back, and the lapsed entries are
// pruned when the group is next updated.

// standing is what decides whether an account's group memberships and
// invitations in a community count.
type standing struct {
	active     bool
	departures uint64
}

// standings caches the standing of accounts in communities during one Msg or
// query; it is only looked up by key, never iterated.
type standings struct {
	k     Keeper
	cache map[string]standing
}

func (k Keeper) newStandings() *standings {
	return &standings{k: k, cache: map[string]standing{}}
}

// of returns the standing of addr in a community.
func (s *standings) of(ctx context.Context, communityID uint64, addr sdk.AccAddress) (standing, error) {
	key := string(sdk.Uint64ToBigEndian(communityID)) + string(addr)
	if st, ok := s.cache[key]; ok {
		return st, nil
	}
	active, err := s.k.communityKeeper.IsActiveMember(ctx, communityID, addr)
	if err != nil {
		return standing{}, err
	}
	departures, err := s.k.departures(ctx, communityID, addr)
	if err != nil {
		return standing{}, err
	}
	st := standing{active: active, departures: departures}
	s.cache[key] = st
	return st, nil
}

// departures returns how many times addr stopped being an active member of
// a community.
func (k Keeper) departures(ctx context.Context, communityID uint64, addr sdk.AccAddress) (uint64, error) {
	n, err := k.Departures.Get(ctx, collections.Join(communityID, addr))
	if errors.Is(err, collections.ErrNotFound) {
		return 0, nil
	}
	return n, err
}

// countsInGroup reports whether member, listed in group thread t, still
// counts as one of its members.
func (s *standings) countsInGroup(ctx context.Context, t types.Thread, member sdk.AccAddress) (bool, error) {
	st, err := s.of(ctx, t.CommunityId, member)
	if err != nil || !st.active {
		return false, err
	}
	joined, err := s.k.GroupMembers.Get(ctx, collections.Join(t.Id, member))
	switch {
	case errors.Is(err, collections.ErrNotFound):
		joined = 0
	case err != nil:
		return false, err
	}
	return joined == st.departures, nil
}

// invitationStands reports whether an invitation may still be accepted.
func (s *standings) invitationStands(ctx context.Context, inv types.Invitation, invitee sdk.AccAddress) (bool, error) {
	st, err := s.of(ctx, inv.CommunityId, invitee)
	if err != nil {
		return false, err
	}
	return st.active && inv.Departures == st.departures, nil
}

// requireThreadMember returns nil if addr is one of the thread's members and,
// in a GROUP, still counts as one; ErrNotThreadMember otherwise.
func (k Keeper) requireThreadMember(ctx context.Context, t types.Thread, addr sdk.AccAddress) error {
	members, err := k.members(t)
	if err != nil {
		return err
	}
	if indexOf(members, addr) < 0 {
		return types.ErrNotThreadMember.Wrapf("%s in thread %d", k.formatAddress(addr), t.Id)
	}
	if t.Kind != types.ThreadKindGroup {
		return nil
	}
	counts, err := k.newStandings().countsInGroup(ctx, t, addr)
	if err != nil {
		return err
	}
	if !counts {
		return types.ErrNotThreadMember.Wrapf("%s left community %d since joining thread %d", k.formatAddress(addr), t.CommunityId, t.Id)
	}
	return nil
}

// hasOtherMember reports whether a thread has a member besides addr that
// counts: a GROUP needs two to be a conversation. It stops at the first one
// found, so its work is bounded by max_group_members.
func (k Keeper) hasOtherMember(ctx context.Context, t types.Thread, addr sdk.AccAddress) (bool, error) {
	members, err := k.members(t)
	if err != nil {
		return false, err
	}
	st := k.newStandings()
	for _, m := range members {
		if m.Equals(addr) {
			continue
		}
		if t.Kind != types.ThreadKindGroup {
			return true, nil
		}
		counts, err := st.countsInGroup(ctx, t, m)
		if err != nil || counts {
			return counts, err
		}
	}
	return false, nil
}

// joinGroup indexes member as a member of group thread t who joined now,
// with earlier messages read; the caller rewrites the member list.
func (k Keeper) joinGroup(ctx context.Context, t types.Thread, member sdk.AccAddress) error {
	if err := k.ThreadsByMember.Set(ctx, collections.Join3(member, t.CommunityId, t.Id)); err != nil {
		return err
	}
	departures, err := k.departures(ctx, t.CommunityId, member)
	if err != nil {
		return err
	}
	key := collections.Join(t.Id, member)
	if departures == 0 {
		if err := k.GroupMembers.Remove(ctx, key); err != nil {
			return err
		}
	} else if err := k.GroupMembers.Set(ctx, key, departures); err != nil {
		return err
	}
	if t.LastSeq > 0 {
		return k.ReadMarks.Set(ctx, key, t.LastSeq)
	}
	return nil
}

// invitePlan is an invitation checked against the invitee's cap, with the
// lapsed invitations of the invitee in the community to prune.
type invitePlan struct {
	invitation types.Invitation
	invitee    sdk.AccAddress
	lapsed     []InvitationKey
}

// planInvite checks that invitee, an active member of the community, may
// get one more invitation there: its pending invitations that still stand
// (other than one to threadID, which the new one replaces) are fewer than
// max_pending_invitations. Invitations that lapsed are pruned with the new
// one, so the invitations stored per account and community never exceed the
// cap in force when they were made, and this walk is bounded by it.
func (k Keeper) planInvite(ctx context.Context, st *standings, params types.Params, inviter, invitee sdk.AccAddress, communityID, threadID uint64) (invitePlan, error) {
	s, err := st.of(ctx, communityID, invitee)
	if err != nil {
		return invitePlan{}, err
	}
	plan := invitePlan{invitee: invitee}
	var pending uint32
	rng := collections.NewSuperPrefixedTripleRange[sdk.AccAddress, uint64, uint64](invitee, communityID)
	if err := k.Invitations.Walk(ctx, rng, func(key InvitationKey, inv types.Invitation) (bool, error) {
		switch {
		case key.K3() == threadID:
		case inv.Departures != s.departures:
			plan.lapsed = append(plan.lapsed, key)
		default:
			pending++
		}
		return false, nil
	}); err != nil {
		return invitePlan{}, err
	}
	if pending >= params.MaxPendingInvitations {
		return invitePlan{}, types.ErrTooManyInvites.Wrapf("%s has %d pending in community %d, at most %d",
			k.formatAddress(invitee), pending, communityID, params.MaxPendingInvitations)
	}
	plan.invitation = types.Invitation{
		ThreadId:    threadID,
		CommunityId: communityID,
		Invitee:     k.formatAddress(invitee),
		Inviter:     k.formatAddress(inviter),
		CreatedAt:   sdk.UnwrapSDKContext(ctx).BlockTime(),
		Departures:  s.departures,
	}
	return plan, nil
}

// invite stores a planned invitation for thread threadID, prunes the lapsed
// ones and emits EventMemberInvited.
func (k Keeper) invite(ctx context.Context, plan invitePlan, threadID uint64) error {
	for _, key := range plan.lapsed {
		if err := k.removeInvitation(ctx, key); err != nil {
			return err
		}
	}
	inv := plan.invitation
	inv.ThreadId = threadID
	if err := k.Invitations.Set(ctx, collections.Join3(plan.invitee, inv.CommunityId, threadID), inv); err != nil {
		return err
	}
	if err := k.ThreadInvitees.Set(ctx, collections.Join(threadID, plan.invitee)); err != nil {
		return err
	}
	return emit(ctx, &types.EventMemberInvited{
		ThreadId:    threadID,
		CommunityId: inv.CommunityId,
		Inviter:     inv.Inviter,
		Invitee:     inv.Invitee,
	})
}

// removeInvitation deletes an invitation and its thread index entry.
func (k Keeper) removeInvitation(ctx context.Context, key InvitationKey) error {
	if err := k.Invitations.Remove(ctx, key); err != nil {
		return err
	}
	return k.ThreadInvitees.Remove(ctx, collections.Join(key.K3(), key.K1()))
}

// invitees returns the accounts with an invitation to a thread, in address
// order; at most max_group_members of them.
func (k Keeper) invitees(ctx context.Context, threadID uint64) ([]sdk.AccAddress, error) {
	var out []sdk.AccAddress
	rng := collections.NewPrefixedPairRange[uint64, sdk.AccAddress](threadID)
	err := k.ThreadInvitees.Walk(ctx, rng, func(key collections.Pair[uint64, sdk.AccAddress]) (bool, error) {
		out = append(out, key.K2())
		return false, nil
	})
	return out, err
}
