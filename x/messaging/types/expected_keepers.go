package types

import (
	"context"

	sdk "github.com/cosmos/cosmos-sdk/types"

	adstypes "github.com/kizuna-chain/kizuna/x/ads/types"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

// CommunityKeeper is the part of the community keeper the messaging module
// reads: threads live in one community, among its active members, and
// community admins manage its groups.
type CommunityKeeper interface {
	// GetCommunity returns a community, or an error wrapping
	// communitytypes.ErrCommunityNotFound.
	GetCommunity(ctx context.Context, id uint64) (communitytypes.Community, error)
	// IsActiveMember reports whether addr is an active member of the
	// community; pending requests are not.
	IsActiveMember(ctx context.Context, communityID uint64, addr sdk.AccAddress) (bool, error)
	// HasRole reports whether addr is an active member holding one of roles.
	HasRole(ctx context.Context, communityID uint64, addr sdk.AccAddress, roles ...communitytypes.Role) (bool, error)
}

// AdsKeeper is the part of the ads keeper the messaging module reads: an ad
// thread is opened with the owner of an ad.
type AdsKeeper interface {
	// GetAd returns an ad, or an error wrapping adstypes.ErrAdNotFound.
	GetAd(ctx context.Context, id uint64) (adstypes.Ad, error)
}
