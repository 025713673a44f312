package keeper

import (
	"context"
	"errors"
	"slices"

	gogoproto "github.com/cosmos/gogoproto/proto"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/accaddr"
	"github.com/kizuna-chain/kizuna/internal/seqid"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

// GetParams returns the module params.
func (k Keeper) GetParams(ctx context.Context) (types.Params, error) {
	return k.Params.Get(ctx)
}

// GetCommunity returns a community, or an error wrapping
// types.ErrCommunityNotFound.
func (k Keeper) GetCommunity(ctx context.Context, id uint64) (types.Community, error) {
	c, err := k.Communities.Get(ctx, id)
	if errors.Is(err, collections.ErrNotFound) {
		return types.Community{}, types.ErrCommunityNotFound.Wrapf("community %d", id)
	}
	return c, err
}

// GetMember returns a member or pending request, or an error wrapping
// types.ErrMemberNotFound.
func (k Keeper) GetMember(ctx context.Context, communityID uint64, addr sdk.AccAddress) (types.Member, error) {
	m, err := k.Members.Get(ctx, collections.Join(communityID, addr))
	if errors.Is(err, collections.ErrNotFound) {
		return types.Member{}, types.ErrMemberNotFound.Wrapf("%s in community %d", k.formatAddress(addr), communityID)
	}
	return m, err
}

// IsActiveMember reports whether addr is an active member of the community;
// pending requests are not.
func (k Keeper) IsActiveMember(ctx context.Context, communityID uint64, addr sdk.AccAddress) (bool, error) {
	return k.HasRole(ctx, communityID, addr, types.RoleAdmin, types.RoleModerator, types.RoleTeller, types.RoleMember)
}

// HasRole reports whether addr is an active member of the community with one
// of roles.
func (k Keeper) HasRole(ctx context.Context, communityID uint64, addr sdk.AccAddress, roles ...types.Role) (bool, error) {
	m, err := k.Members.Get(ctx, collections.Join(communityID, addr))
	if errors.Is(err, collections.ErrNotFound) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return m.Status == types.MemberStatusActive && slices.Contains(roles, m.Role), nil
}

// requireRole returns the membership of addr if it is an active member of an
// existing community with one of roles, and a registered error saying why
// not otherwise.
func (k Keeper) requireRole(ctx context.Context, communityID uint64, addr sdk.AccAddress, roles ...types.Role) (types.Member, error) {
	if _, err := k.GetCommunity(ctx, communityID); err != nil {
		return types.Member{}, err
	}
	m, err := k.Members.Get(ctx, collections.Join(communityID, addr))
	if errors.Is(err, collections.ErrNotFound) {
		return types.Member{}, types.ErrNotPermitted.Wrapf("%s is not a member of community %d", k.formatAddress(addr), communityID)
	}
	if err != nil {
		return types.Member{}, err
	}
	if m.Status != types.MemberStatusActive {
		return types.Member{}, types.ErrMemberNotActive.Wrapf("%s is %s in community %d", m.Address, m.Status, communityID)
	}
	if !slices.Contains(roles, m.Role) {
		return types.Member{}, types.ErrNotPermitted.Wrapf("%s is %s in community %d; needs one of %v", m.Address, m.Role, communityID, roles)
	}
	return m, nil
}

// hasOtherAdmin reports whether the community has an admin besides addr. It
// reads at most two entries of the role index.
func (k Keeper) hasOtherAdmin(ctx context.Context, communityID uint64, addr sdk.AccAddress) (bool, error) {
	admins := collections.NewPrefixedPairRange[collections.Pair[uint64, int32], MemberKey](
		collections.Join(communityID, int32(types.RoleAdmin)),
	)
	found := false
	err := k.Members.Indexes.Role.Walk(ctx, admins, func(_ collections.Pair[uint64, int32], pk MemberKey) (bool, error) {
		found = !pk.K2().Equals(addr)
		return found, nil
	})
	return found, err
}

// usernameOwner returns who holds username, compared case-insensitively, in
// the community, and whether anyone does.
func (k Keeper) usernameOwner(ctx context.Context, communityID uint64, username string) (sdk.AccAddress, bool, error) {
	pk, err := k.Members.Indexes.Username.MatchExact(ctx, collections.Join(communityID, types.UsernameKey(username)))
	if errors.Is(err, collections.ErrNotFound) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	return pk.K2(), true, nil
}

// nameOwner returns which community holds name or a name that looks like it
// (see types.NameKey), and whether any does.
func (k Keeper) nameOwner(ctx context.Context, name string) (uint64, bool, error) {
	id, err := k.Communities.Indexes.Name.MatchExact(ctx, types.NameKey(name))
	if errors.Is(err, collections.ErrNotFound) {
		return 0, false, nil
	}
	if err != nil {
		return 0, false, err
	}
	return id, true, nil
}

// nextCommunityID hands out community ids from types.FirstCommunityID on.
func (k Keeper) nextCommunityID(ctx context.Context) (uint64, error) {
	return seqid.Next(ctx, k.NextCommunityID, types.FirstCommunityID)
}

// parseAddress decodes an account address from a Msg or a query, wrapping
// the failure in sdkerrors.ErrInvalidAddress.
func (k Keeper) parseAddress(field, s string) (sdk.AccAddress, error) {
	return accaddr.Parse(k.addressCodec, field, s)
}

func (k Keeper) formatAddress(addr sdk.AccAddress) string {
	return accaddr.Format(k.addressCodec, addr)
}

func (k Keeper) afterMemberActivated(ctx context.Context, communityID uint64, addr sdk.AccAddress) error {
	if k.hooks.hooks == nil {
		return nil
	}
	return k.hooks.hooks.AfterMemberActivated(ctx, communityID, addr)
}

func (k Keeper) afterMemberRemoved(ctx context.Context, communityID uint64, addr sdk.AccAddress) error {
	if k.hooks.hooks == nil {
		return nil
	}
	return k.hooks.hooks.AfterMemberRemoved(ctx, communityID, addr)
}

// emit emits typed events on the context's event manager.
func emit(ctx context.Context, events ...gogoproto.Message) error {
	return sdk.UnwrapSDKContext(ctx).EventManager().EmitTypedEvents(events...)
}
