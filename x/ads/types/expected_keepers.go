package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

// CommunityKeeper is the part of the community keeper the ads module reads:
// ads live in communities and only their active members publish or pay.
type CommunityKeeper interface {
	// GetCommunity returns a community, or an error wrapping
	// communitytypes.ErrCommunityNotFound.
	GetCommunity(ctx context.Context, id uint64) (communitytypes.Community, error)
	// IsActiveMember reports whether addr is an active member of the
	// community; pending requests are not.
	IsActiveMember(ctx context.Context, communityID uint64, addr sdk.AccAddress) (bool, error)
}
