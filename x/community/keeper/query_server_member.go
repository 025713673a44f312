package keeper

import (
	"context"
	"strings"

	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	"github.com/kizuna-chain/kizuna/internal/pagination"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

// Members lists the members and pending requests of a community, optionally
// filtered by role and status. Filters walk the role or status index, so
// listing the admins or the pending requests of a large community reads only
// those.
func (q queryServer) Members(ctx context.Context, req *types.QueryMembersRequest) (*types.QueryMembersResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	if req.Role != types.RoleUnspecified {
		if err := types.ValidateRole(req.Role); err != nil {
			return nil, err
		}
	}
	if req.Status != types.MemberStatusUnspecified {
		if err := types.ValidateMemberStatus(req.Status); err != nil {
			return nil, err
		}
	}
	if _, err := q.GetCommunity(ctx, req.CommunityId); err != nil {
		return nil, err
	}
	if req.Role == types.RoleUnspecified && req.Status == types.MemberStatusUnspecified {
		members, page, err := query.CollectionPaginate(ctx, q.Keeper.Members, pagination.Bound(req.Pagination),
			func(_ MemberKey, m types.Member) (types.Member, error) { return m, nil },
			query.WithCollectionPaginationPairPrefix[uint64, sdk.AccAddress](req.CommunityId),
		)
		if err != nil {
			return nil, err
		}
		return &types.QueryMembersResponse{Members: members, Pagination: page}, nil
	}

	// Walk the index that reads the fewest non-matching members: the status
	// index for pending requests (few, all of role MEMBER until approved) or
	// when only a status is asked, the role index otherwise (nearly every
	// member with a role is active).
	index, prefix := q.Keeper.Members.Indexes.Role, collections.Join(req.CommunityId, int32(req.Role))
	if req.Role == types.RoleUnspecified || req.Status == types.MemberStatusPending {
		index, prefix = q.Keeper.Members.Indexes.Status, collections.Join(req.CommunityId, int32(req.Status))
	}
	matches := func(m types.Member) bool {
		return (req.Role == types.RoleUnspecified || m.Role == req.Role) &&
			(req.Status == types.MemberStatusUnspecified || m.Status == req.Status)
	}
	members, page, err := query.CollectionFilteredPaginate(ctx, index, pagination.Bound(req.Pagination),
		func(key collections.Pair[collections.Pair[uint64, int32], MemberKey], _ collections.NoValue) (bool, error) {
			m, err := q.Keeper.Members.Get(ctx, key.K2())
			if err != nil {
				return false, err
			}
			return matches(m), nil
		},
		func(key collections.Pair[collections.Pair[uint64, int32], MemberKey], _ collections.NoValue) (types.Member, error) {
			return q.Keeper.Members.Get(ctx, key.K2())
		},
		query.WithCollectionPaginationPairPrefix[collections.Pair[uint64, int32], MemberKey](prefix),
	)
	if err != nil {
		return nil, err
	}
	return &types.QueryMembersResponse{Members: members, Pagination: page}, nil
}

// Member returns one member or pending request.
func (q queryServer) Member(ctx context.Context, req *types.QueryMemberRequest) (*types.QueryMemberResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	addr, err := q.parseQueryAddress("address", req.Address)
	if err != nil {
		return nil, err
	}
	m, err := q.GetMember(ctx, req.CommunityId, addr)
	if err != nil {
		return nil, err
	}
	return &types.QueryMemberResponse{Member: m}, nil
}

// MemberByUsername returns the member or pending request holding a username,
// found through the unique username index.
func (q queryServer) MemberByUsername(ctx context.Context, req *types.QueryMemberByUsernameRequest) (*types.QueryMemberByUsernameResponse, error) {
	if req == nil {
		return nil, grpcerr.ErrEmptyRequest
	}
	username := strings.TrimPrefix(req.Username, "@")
	params, err := q.GetParams(ctx)
	if err != nil {
		return nil, err
	}
	if err := params.ValidateUsername(username); err != nil {
		return nil, err
	}
	if _, err := q.GetCommunity(ctx, req.CommunityId); err != nil {
		return nil, err
	}
	addr, ok, err := q.usernameOwner(ctx, req.CommunityId, username)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, types.ErrMemberNotFound.Wrapf("no member of community %d has username %q", req.CommunityId, username)
	}
	m, err := q.GetMember(ctx, req.CommunityId, addr)
	if err != nil {
		return nil, err
	}
	return &types.QueryMemberByUsernameResponse{Member: m}, nil
}
