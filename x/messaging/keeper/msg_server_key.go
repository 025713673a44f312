package keeper

import (
	"context"
	"errors"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// SetMessagingKey publishes the owner's X25519 public key or rotates it.
// Versions only grow, so a replayed or delayed older rotation can never
// bring back a key the owner moved away from. The key is global to the
// account; community_id only lets a community's fee account sponsor it, and
// then the owner must be an active member there.
func (s msgServer) SetMessagingKey(ctx context.Context, msg *types.MsgSetMessagingKey) (*types.MsgSetMessagingKeyResponse, error) {
	owner, err := s.parseAddress("owner", msg.Owner)
	if err != nil {
		return nil, err
	}
	if err := types.ValidateMessagingKey(msg.PublicKey); err != nil {
		return nil, err
	}
	if msg.Version == 0 {
		return nil, types.ErrKeyVersion.Wrap("versions start at 1")
	}
	if msg.CommunityId != 0 {
		if err := s.requireActiveMember(ctx, msg.CommunityId, owner); err != nil {
			return nil, err
		}
	}
	previous, err := s.MessagingKeys.Get(ctx, owner)
	switch {
	case errors.Is(err, collections.ErrNotFound):
	case err != nil:
		return nil, err
	case msg.Version <= previous.Version:
		return nil, types.ErrKeyVersion.Wrapf("version %d does not exceed the current key's %d", msg.Version, previous.Version)
	}

	key := types.MessagingKey{
		Owner:     s.formatAddress(owner),
		PublicKey: msg.PublicKey,
		Version:   msg.Version,
		UpdatedAt: sdk.UnwrapSDKContext(ctx).BlockTime(),
	}
	if err := s.MessagingKeys.Set(ctx, owner, key); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventMessagingKeySet{
		Owner:           key.Owner,
		PublicKey:       key.PublicKey,
		Version:         key.Version,
		PreviousVersion: previous.Version,
	}); err != nil {
		return nil, err
	}
	return &types.MsgSetMessagingKeyResponse{}, nil
}
