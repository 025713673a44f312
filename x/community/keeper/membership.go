package keeper

import (
	"context"
	"slices"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/x/community/types"
)

// activeRoles are the roles IsActiveMember accepts.
var activeRoles = []types.Role{types.RoleAdmin, types.RoleModerator, types.RoleTeller, types.RoleMember}

// IsActiveMemberOfAny reports whether addr is an active member of at least
// one community. It walks addr's own memberships (the address index), in
// community id order, and stops at the first active one: only addr can join
// communities, so nobody else can lengthen the walk.
func (k Keeper) IsActiveMemberOfAny(ctx context.Context, addr sdk.AccAddress) (active bool, err error) {
	it, err := k.Members.Indexes.Address.MatchExact(ctx, addr)
	if err != nil {
		return false, err
	}
	defer func() {
		if cerr := it.Close(); err == nil {
			err = cerr
		}
	}()
	for ; it.Valid(); it.Next() {
		pk, err := it.PrimaryKey()
		if err != nil {
			return false, err
		}
		// The same test as IsActiveMember, on the member already read.
		m, err := k.Members.Get(ctx, pk)
		if err != nil {
			return false, err
		}
		if m.Status == types.MemberStatusActive && slices.Contains(activeRoles, m.Role) {
			return true, nil
		}
	}
	return false, nil
}
