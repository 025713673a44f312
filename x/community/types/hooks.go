package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// CommunityHooks lets other modules follow membership: x/ledger, x/messaging
// and x/ads grant or revoke what comes with being a member. An error aborts
// the transaction that changed the membership.
type CommunityHooks interface {
	// AfterMemberActivated runs when an account becomes an active member: it
	// created the community, joined an OPEN one, or had its request approved.
	AfterMemberActivated(ctx context.Context, communityID uint64, member sdk.AccAddress) error
	// AfterMemberRemoved runs when an active member stops being one: it left
	// or an admin removed it. Withdrawn or rejected requests do not count.
	AfterMemberRemoved(ctx context.Context, communityID uint64, member sdk.AccAddress) error
}

// MultiCommunityHooks runs several CommunityHooks in order, stopping at the
// first error.
type MultiCommunityHooks []CommunityHooks

var _ CommunityHooks = MultiCommunityHooks{}

// NewMultiCommunityHooks combines hooks into one.
func NewMultiCommunityHooks(hooks ...CommunityHooks) MultiCommunityHooks {
	return hooks
}

// AfterMemberActivated implements CommunityHooks.
func (h MultiCommunityHooks) AfterMemberActivated(ctx context.Context, communityID uint64, member sdk.AccAddress) error {
	for _, hook := range h {
		if err := hook.AfterMemberActivated(ctx, communityID, member); err != nil {
			return err
		}
	}
	return nil
}

// AfterMemberRemoved implements CommunityHooks.
func (h MultiCommunityHooks) AfterMemberRemoved(ctx context.Context, communityID uint64, member sdk.AccAddress) error {
	for _, hook := range h {
		if err := hook.AfterMemberRemoved(ctx, communityID, member); err != nil {
			return err
		}
	}
	return nil
}
