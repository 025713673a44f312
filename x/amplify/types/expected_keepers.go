package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"
)

// CommunityKeeper is the part of the community keeper the amplify module
// reads: only the linked addresses of active community members post, and a
// submission naming a community comes from one of its active members.
type CommunityKeeper interface {
	// IsActiveMember reports whether addr is an active member of the
	// community; pending requests are not.
	IsActiveMember(ctx context.Context, communityID uint64, addr sdk.AccAddress) (bool, error)
	// IsActiveMemberOfAny reports whether addr is an active member of at
	// least one community.
	IsActiveMemberOfAny(ctx context.Context, addr sdk.AccAddress) (bool, error)
}
