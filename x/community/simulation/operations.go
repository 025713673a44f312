// Package simulation builds random Msgs of the community module for the
// chain simulation: communities are created and edited, accounts join,
// leave, are approved, rejected, removed and given roles, and update their
// profiles. Plans mostly build Msgs the chain accepts, and sometimes ones it
// must refuse (a member removing an admin, a second join).
package simulation

import (
	"cosmossdk.io/collections"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/simops"
	"github.com/kizuna-chain/kizuna/x/community/keeper"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

// Operations returns the community module's operations; MsgUpdateParams is
// governance's and is simulated by the runner.
func Operations(k keeper.Keeper) []simops.Operation {
	s := state{k}
	return []simops.Operation{
		simops.New(&types.MsgCreateCommunity{}, 3, s.createCommunity),
		simops.New(&types.MsgUpdateCommunity{}, 2, s.updateCommunity),
		simops.New(&types.MsgJoinCommunity{}, 20, s.joinCommunity),
		simops.New(&types.MsgApproveMember{}, 6, s.approveMember),
		simops.New(&types.MsgRejectMember{}, 2, s.rejectMember),
		simops.New(&types.MsgLeaveCommunity{}, 2, s.leaveCommunity),
		simops.New(&types.MsgRemoveMember{}, 1, s.removeMember),
		simops.New(&types.MsgSetMemberRole{}, 5, s.setMemberRole),
		simops.New(&types.MsgUpdateProfile{}, 3, s.updateProfile),
	}
}

// state reads the committed community state for the plans.
type state struct {
	k keeper.Keeper
}

// Communities returns the ids of every community.
func Communities(env *simops.Env, k keeper.Keeper) []uint64 {
	var ids []uint64
	_ = k.Communities.Walk(env.Ctx, nil, func(id uint64, _ types.Community) (bool, error) {
		ids = append(ids, id)
		return false, nil
	})
	return ids
}

// Members returns the simulated accounts that are members of a community
// with one of the statuses and roles given (none given: any).
func Members(env *simops.Env, k keeper.Keeper, communityID uint64, status types.MemberStatus, roles ...types.Role) []simops.Account {
	var out []simops.Account
	rng := collections.NewPrefixedPairRange[uint64, sdk.AccAddress](communityID)
	_ = k.Members.Walk(env.Ctx, rng, func(_ keeper.MemberKey, m types.Member) (bool, error) {
		if status != types.MemberStatusUnspecified && m.Status != status {
			return false, nil
		}
		if len(roles) > 0 && !hasRole(m.Role, roles) {
			return false, nil
		}
		if a, ok := env.FindBech32(m.Address); ok {
			out = append(out, a)
		}
		return false, nil
	})
	return out
}

func hasRole(role types.Role, roles []types.Role) bool {
	for _, r := range roles {
		if r == role {
			return true
		}
	}
	return false
}

// NonMembers returns the simulated accounts that belong to a community in
// no status.
func NonMembers(env *simops.Env, k keeper.Keeper, communityID uint64) []simops.Account {
	var out []simops.Account
	for _, a := range env.Accounts {
		if _, err := k.GetMember(env.Ctx, communityID, a.Address); err != nil {
			out = append(out, a)
		}
	}
	return out
}

// pickCommunity returns a random community, or false when there is none.
func (s state) pickCommunity(env *simops.Env) (uint64, bool) {
	ids := Communities(env, s.k)
	if len(ids) == 0 {
		return 0, false
	}
	return simops.Pick(env.R, ids), true
}

func username(env *simops.Env, a simops.Account) string {
	return a.Name + "_" + simops.Word(env.R, 3)
}

func (s state) createCommunity(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	if len(Communities(env, s.k)) >= 6 && !simops.Chance(env.R, 10) {
		return simops.Account{}, nil, false
	}
	creator := simops.Pick(env.R, env.Accounts)
	policy := types.JoinPolicyOpen
	if simops.Chance(env.R, 30) {
		policy = types.JoinPolicyApproval
	}
	return creator, &types.MsgCreateCommunity{
		Creator: env.Addr(creator.Address), Name: simops.Name(env.R), Description: simops.Word(env.R, 20),
		Location: simops.Word(env.R, 6), JoinPolicy: policy, Username: username(env, creator),
	}, true
}

func (s state) updateCommunity(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	id, ok := s.pickCommunity(env)
	if !ok {
		return simops.Account{}, nil, false
	}
	signer := s.adminOrAnyone(env, id)
	return signer, &types.MsgUpdateCommunity{
		Admin: env.Addr(signer.Address), CommunityId: id, Description: simops.Word(env.R, 30),
	}, true
}

// adminOrAnyone returns an active admin of the community, or now and then
// any account, whose Msg the chain refuses unless it is an admin.
func (s state) adminOrAnyone(env *simops.Env, id uint64) simops.Account {
	admins := Members(env, s.k, id, types.MemberStatusActive, types.RoleAdmin)
	if len(admins) == 0 || simops.Chance(env.R, 10) {
		return simops.Pick(env.R, env.Accounts)
	}
	return simops.Pick(env.R, admins)
}

func (s state) joinCommunity(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	id, ok := s.pickCommunity(env)
	if !ok {
		return simops.Account{}, nil, false
	}
	candidates := NonMembers(env, s.k, id)
	if simops.Chance(env.R, 5) {
		candidates = env.Accounts // a second join is refused
	}
	if len(candidates) == 0 {
		return simops.Account{}, nil, false
	}
	member := simops.Pick(env.R, candidates)
	return member, &types.MsgJoinCommunity{
		Member: env.Addr(member.Address), CommunityId: id, Username: username(env, member),
		FirstName: simops.Word(env.R, 5), Description: simops.Word(env.R, 12),
	}, true
}

// reviewMember picks a pending member of a community and a reviewer.
func (s state) reviewMember(env *simops.Env) (simops.Account, uint64, simops.Account, bool) {
	id, ok := s.pickCommunity(env)
	if !ok {
		return simops.Account{}, 0, simops.Account{}, false
	}
	pending := Members(env, s.k, id, types.MemberStatusPending)
	if len(pending) == 0 {
		return simops.Account{}, 0, simops.Account{}, false
	}
	reviewers := Members(env, s.k, id, types.MemberStatusActive, types.RoleAdmin, types.RoleModerator)
	if len(reviewers) == 0 || simops.Chance(env.R, 10) {
		reviewers = env.Accounts
	}
	return simops.Pick(env.R, reviewers), id, simops.Pick(env.R, pending), true
}

func (s state) approveMember(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	reviewer, id, member, ok := s.reviewMember(env)
	if !ok {
		return simops.Account{}, nil, false
	}
	return reviewer, &types.MsgApproveMember{Reviewer: env.Addr(reviewer.Address), CommunityId: id, Member: env.Addr(member.Address)}, true
}

func (s state) rejectMember(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	reviewer, id, member, ok := s.reviewMember(env)
	if !ok {
		return simops.Account{}, nil, false
	}
	return reviewer, &types.MsgRejectMember{Reviewer: env.Addr(reviewer.Address), CommunityId: id, Member: env.Addr(member.Address)}, true
}

func (s state) leaveCommunity(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	id, ok := s.pickCommunity(env)
	if !ok {
		return simops.Account{}, nil, false
	}
	members := Members(env, s.k, id, types.MemberStatusUnspecified)
	if len(members) == 0 {
		return simops.Account{}, nil, false
	}
	member := simops.Pick(env.R, members)
	return member, &types.MsgLeaveCommunity{Member: env.Addr(member.Address), CommunityId: id}, true
}

func (s state) removeMember(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	id, ok := s.pickCommunity(env)
	if !ok {
		return simops.Account{}, nil, false
	}
	admin := s.adminOrAnyone(env, id)
	members := Members(env, s.k, id, types.MemberStatusUnspecified)
	if len(members) == 0 {
		return simops.Account{}, nil, false
	}
	member := simops.Pick(env.R, members)
	return admin, &types.MsgRemoveMember{Admin: env.Addr(admin.Address), CommunityId: id, Member: env.Addr(member.Address)}, true
}

func (s state) setMemberRole(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	id, ok := s.pickCommunity(env)
	if !ok {
		return simops.Account{}, nil, false
	}
	admin := s.adminOrAnyone(env, id)
	members := Members(env, s.k, id, types.MemberStatusActive)
	if len(members) == 0 {
		return simops.Account{}, nil, false
	}
	member := simops.Pick(env.R, members)
	role := simops.Pick(env.R, []types.Role{types.RoleAdmin, types.RoleModerator, types.RoleTeller, types.RoleMember, types.RoleMember})
	return admin, &types.MsgSetMemberRole{Admin: env.Addr(admin.Address), CommunityId: id, Member: env.Addr(member.Address), Role: role}, true
}

func (s state) updateProfile(env *simops.Env) (simops.Account, sdk.Msg, bool) {
	id, ok := s.pickCommunity(env)
	if !ok {
		return simops.Account{}, nil, false
	}
	members := Members(env, s.k, id, types.MemberStatusActive)
	if len(members) == 0 {
		return simops.Account{}, nil, false
	}
	member := simops.Pick(env.R, members)
	return member, &types.MsgUpdateProfile{
		Member: env.Addr(member.Address), CommunityId: id, LastName: simops.Word(env.R, 6), Location: simops.Word(env.R, 8),
	}, true
}
