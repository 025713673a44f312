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

// AfterMemberRemoved counts one more departure of a member who left or was
// removed from a community and emits EventMemberLeftThreads. From then on
// the member counts in none of its GROUP threads there and its pending
// invitations there lapse (see membership.go), also after it re-joins. The
// threads are not walked: the work is one read and one write whatever their
// number, so nobody can make leaving or removing them expensive. AD and
// DIRECT threads keep both members, so their history stays whole;
// PostMessage and MarkRead refuse an account that is no longer an active
// member.
func (h Hooks) AfterMemberRemoved(ctx context.Context, communityID uint64, member sdk.AccAddress) error {
	k := h.k
	n, err := k.departures(ctx, communityID, member)
	if err != nil {
		return err
	}
	if err := k.Departures.Set(ctx, collections.Join(communityID, member), n+1); err != nil {
		return err
	}
	return emit(ctx, &types.EventMemberLeftThreads{
		CommunityId: communityID,
		Member:      k.formatAddress(member),
	})
}
