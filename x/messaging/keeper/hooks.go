package keeper

import (
	"context"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// Hooks follows community membership for the messaging module.
type Hooks struct {
	k Keeper
}

var _ communitytypes.CommunityHooks = Hooks{}

// Hooks returns the community hooks of the messaging module.
func (k Keeper) Hooks() Hooks {
	return Hooks{k: k}
}

// AfterMemberActivated does nothing: a new member has no threads yet, and a
// returning member posts again in the AD and DIRECT threads it kept.
func (Hooks) AfterMemberActivated(context.Context, uint64, sdk.AccAddress) error {
	return nil
}

// AfterMemberRemoved drops a member who left or was removed from a community
// from its GROUP threads there, with their read marks, and emits
// EventMemberLeftThreads when there were any. AD and DIRECT threads keep
// both members, so their history stays whole; PostMessage refuses a sender
// who is no longer an active member. The work is bounded by the member's
// threads in that community.
func (h Hooks) AfterMemberRemoved(ctx context.Context, communityID uint64, member sdk.AccAddress) error {
	k := h.k
	var ids []uint64
	rng := collections.NewSuperPrefixedTripleRange[sdk.AccAddress, uint64, uint64](member, communityID)
	if err := k.ThreadsByMember.Walk(ctx, rng, func(key MemberThreadKey) (bool, error) {
		ids = append(ids, key.K3())
		return false, nil
	}); err != nil {
		return err
	}

	var left []uint64
	for _, id := range ids {
		t, err := k.GetThread(ctx, id)
		if err != nil {
			return err
		}
		if t.Kind != types.ThreadKindGroup {
			continue
		}
		members, err := k.members(t)
		if err != nil {
			return err
		}
		i := indexOf(members, member)
		if i < 0 {
			continue
		}
		members = append(members[:i], members[i+1:]...)
		t.Members = k.formatAddresses(members)
		if err := k.Threads.Set(ctx, t.Id, t); err != nil {
			return err
		}
		if err := k.dropMember(ctx, t, member); err != nil {
			return err
		}
		left = append(left, t.Id)
	}
	if len(left) == 0 {
		return nil
	}
	return emit(ctx, &types.EventMemberLeftThreads{
		CommunityId: communityID,
		Member:      k.formatAddress(member),
		ThreadIds:   left,
	})
}
