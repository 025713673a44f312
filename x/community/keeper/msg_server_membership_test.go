package keeper_test

import (
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/x/community/types"
)

func TestJoinCommunity_RejectsBadInput(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)
	closed := f.createCommunity(t, "alice", "Closed", types.JoinPolicyApproval)
	f.join(t, closed, "pending")

	valid := func() *types.MsgJoinCommunity {
		return &types.MsgJoinCommunity{
			Member:       f.addr("bob"),
			CommunityId:  id,
			Username:     "bob",
			FirstName:    "Bob",
			LastName:     "Tanaka",
			Description:  "Gardener",
			Location:     "Kyoto",
			AvatarUri:    "https://example.org/bob.png",
			AvatarSha256: make([]byte, 32),
		}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgJoinCommunity)
		want   error
	}{
		{"malformed member", func(m *types.MsgJoinCommunity) { m.Member = "bob" }, sdkerrors.ErrInvalidAddress},
		{"unknown community", func(m *types.MsgJoinCommunity) { m.CommunityId = 99 }, types.ErrCommunityNotFound},
		{"already a member", func(m *types.MsgJoinCommunity) { m.Member = f.addr("alice") }, types.ErrAlreadyMember},
		{"already pending", func(m *types.MsgJoinCommunity) { m.Member, m.CommunityId = f.addr("pending"), closed }, types.ErrAlreadyMember},
		{"username taken", func(m *types.MsgJoinCommunity) { m.Username = "alice" }, types.ErrUsernameTaken},
		{"username taken in another case", func(m *types.MsgJoinCommunity) { m.Username = "ALICE" }, types.ErrUsernameTaken},
		{"username taken by a pending request", func(m *types.MsgJoinCommunity) {
			m.CommunityId, m.Username = closed, "Pending"
		}, types.ErrUsernameTaken},
		{"missing username", func(m *types.MsgJoinCommunity) { m.Username = "" }, types.ErrInvalidUsername},
		{"username with space", func(m *types.MsgJoinCommunity) { m.Username = "bob b" }, types.ErrInvalidUsername},
		{"first name too long", func(m *types.MsgJoinCommunity) { m.FirstName = long(65) }, types.ErrInvalidPersonName},
		{"last name too long", func(m *types.MsgJoinCommunity) { m.LastName = long(65) }, types.ErrInvalidPersonName},
		{"last name with tab", func(m *types.MsgJoinCommunity) { m.LastName = "Ta\tnaka" }, types.ErrInvalidPersonName},
		{"description too long", func(m *types.MsgJoinCommunity) { m.Description = long(1001) }, types.ErrInvalidDescription},
		{"location too long", func(m *types.MsgJoinCommunity) { m.Location = long(129) }, types.ErrInvalidLocation},
		{"avatar uri too long", func(m *types.MsgJoinCommunity) { m.AvatarUri = "https://x.org/" + long(499) }, types.ErrInvalidAvatar},
		{"avatar uri without scheme", func(m *types.MsgJoinCommunity) { m.AvatarUri = "bob.png" }, types.ErrInvalidAvatar},
		{"avatar uri with space", func(m *types.MsgJoinCommunity) { m.AvatarUri = "https://x.org/a b.png" }, types.ErrInvalidAvatar},
		{"avatar digest of 31 bytes", func(m *types.MsgJoinCommunity) { m.AvatarSha256 = make([]byte, 31) }, types.ErrInvalidAvatar},
		{"avatar digest without uri", func(m *types.MsgJoinCommunity) { m.AvatarUri = "" }, types.ErrInvalidAvatar},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.JoinCommunity(f.ctx, msg)
				return err
			})
		})
	}

	msg := valid()
	msg.AvatarUri = "https://x.org/" + long(498) // 512 characters
	_, err := f.msgs.JoinCommunity(f.ctx, msg)
	require.NoError(t, err, "the valid message of the table is accepted")
}

func TestJoinCommunity_OpenPolicyActivatesAtOnce(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)
	f.resetEvents()
	f.hooks.calls = nil

	require.Equal(t, types.MemberStatusActive, f.join(t, id, "bob"))
	m := f.member(t, id, "bob")
	require.Equal(t, types.RoleMember, m.Role)
	require.Equal(t, "bob", m.Profile.Username)
	require.Equal(t, []string{"kizuna.community.v1.EventMemberJoined"}, f.eventTypes())
	require.Equal(t, []hookCall{{"activated", id, f.accAddr("bob").String()}}, f.hooks.calls)
}

func TestJoinCommunity_AccountMayJoinManyCommunities(t *testing.T) {
	f := newFixture(t)
	a := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)
	b := f.createCommunity(t, "alice", "Orchard", types.JoinPolicyOpen)
	f.join(t, a, "bob")
	f.join(t, b, "bob")
	require.Equal(t, a, f.member(t, a, "bob").CommunityId)
	require.Equal(t, b, f.member(t, b, "bob").CommunityId)
}

func TestApprovalFlow_PendingApprovedByModerator(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyApproval)
	f.resetEvents()
	f.hooks.calls = nil

	require.Equal(t, types.MemberStatusPending, f.join(t, id, "mod"))
	require.Equal(t, []string{"kizuna.community.v1.EventMemberRequested"}, f.eventTypes())
	require.Empty(t, f.hooks.calls, "a pending request is not a member yet")
	_, err := f.msgs.ApproveMember(f.ctx, &types.MsgApproveMember{Reviewer: f.addr("alice"), CommunityId: id, Member: f.addr("mod")})
	require.NoError(t, err)
	f.setRole(t, id, "alice", "mod", types.RoleModerator)

	require.Equal(t, types.MemberStatusPending, f.join(t, id, "bob"))
	f.resetEvents()
	f.hooks.calls = nil
	_, err = f.msgs.ApproveMember(f.ctx, &types.MsgApproveMember{Reviewer: f.addr("mod"), CommunityId: id, Member: f.addr("bob")})
	require.NoError(t, err)

	m := f.member(t, id, "bob")
	require.Equal(t, types.MemberStatusActive, m.Status)
	require.Equal(t, types.RoleMember, m.Role)
	require.Equal(t, []string{"kizuna.community.v1.EventMemberApproved"}, f.eventTypes())
	require.Equal(t, []hookCall{{"activated", id, f.accAddr("bob").String()}}, f.hooks.calls)
}

func TestApproveMember_RejectsBadInput(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyApproval)
	for _, name := range []string{"bob", "teller", "member", "pending2"} {
		f.join(t, id, name)
	}
	for _, name := range []string{"teller", "member"} {
		_, err := f.msgs.ApproveMember(f.ctx, &types.MsgApproveMember{Reviewer: f.addr("alice"), CommunityId: id, Member: f.addr(name)})
		require.NoError(t, err)
	}
	f.setRole(t, id, "alice", "teller", types.RoleTeller)

	valid := func() *types.MsgApproveMember {
		return &types.MsgApproveMember{Reviewer: f.addr("alice"), CommunityId: id, Member: f.addr("bob")}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgApproveMember)
		want   error
	}{
		{"malformed reviewer", func(m *types.MsgApproveMember) { m.Reviewer = "x" }, sdkerrors.ErrInvalidAddress},
		{"malformed member", func(m *types.MsgApproveMember) { m.Member = "x" }, sdkerrors.ErrInvalidAddress},
		{"unknown community", func(m *types.MsgApproveMember) { m.CommunityId = 99 }, types.ErrCommunityNotFound},
		{"reviewer not a member", func(m *types.MsgApproveMember) { m.Reviewer = f.addr("stranger") }, types.ErrNotPermitted},
		{"reviewer an ordinary member", func(m *types.MsgApproveMember) { m.Reviewer = f.addr("member") }, types.ErrNotPermitted},
		{"reviewer a teller", func(m *types.MsgApproveMember) { m.Reviewer = f.addr("teller") }, types.ErrNotPermitted},
		{"reviewer pending", func(m *types.MsgApproveMember) { m.Reviewer = f.addr("pending2") }, types.ErrMemberNotActive},
		{"no request", func(m *types.MsgApproveMember) { m.Member = f.addr("stranger") }, types.ErrMemberNotFound},
		{"member already active", func(m *types.MsgApproveMember) { m.Member = f.addr("member") }, types.ErrMemberNotPending},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.ApproveMember(f.ctx, msg)
				return err
			})
		})
	}
}

func TestRejectMember_DeletesPendingRequest(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyApproval)
	f.join(t, id, "bob")
	f.resetEvents()
	f.hooks.calls = nil

	_, err := f.msgs.RejectMember(f.ctx, &types.MsgRejectMember{Reviewer: f.addr("alice"), CommunityId: id, Member: f.addr("bob")})
	require.NoError(t, err)
	_, err = f.keeper.GetMember(f.ctx, id, f.accAddr("bob"))
	require.ErrorIs(t, err, types.ErrMemberNotFound)
	require.Equal(t, []string{"kizuna.community.v1.EventMemberRejected"}, f.eventTypes())
	require.Empty(t, f.hooks.calls, "a rejected request never was a member")

	// The username is free again, and the account may ask again.
	require.Equal(t, types.MemberStatusPending, f.join(t, id, "bob"))
}

func TestRejectMember_RejectsBadInput(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyApproval)
	f.join(t, id, "bob")
	f.join(t, id, "carol")
	_, err := f.msgs.ApproveMember(f.ctx, &types.MsgApproveMember{Reviewer: f.addr("alice"), CommunityId: id, Member: f.addr("carol")})
	require.NoError(t, err)

	valid := func() *types.MsgRejectMember {
		return &types.MsgRejectMember{Reviewer: f.addr("alice"), CommunityId: id, Member: f.addr("bob")}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgRejectMember)
		want   error
	}{
		{"malformed reviewer", func(m *types.MsgRejectMember) { m.Reviewer = "" }, sdkerrors.ErrInvalidAddress},
		{"malformed member", func(m *types.MsgRejectMember) { m.Member = "" }, sdkerrors.ErrInvalidAddress},
		{"unknown community", func(m *types.MsgRejectMember) { m.CommunityId = 0 }, types.ErrCommunityNotFound},
		{"reviewer an ordinary member", func(m *types.MsgRejectMember) { m.Reviewer = f.addr("carol") }, types.ErrNotPermitted},
		{"reviewer is the pending account", func(m *types.MsgRejectMember) { m.Reviewer = f.addr("bob") }, types.ErrMemberNotActive},
		{"member active", func(m *types.MsgRejectMember) { m.Member = f.addr("carol") }, types.ErrMemberNotPending},
		{"no request", func(m *types.MsgRejectMember) { m.Member = f.addr("dave") }, types.ErrMemberNotFound},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.RejectMember(f.ctx, msg)
				return err
			})
		})
	}
}

func TestPendingMember_CannotAct(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyApproval)
	f.join(t, id, "bob")
	f.join(t, id, "carol")

	f.requireRejected(t, types.ErrMemberNotActive, func() error {
		_, err := f.msgs.ApproveMember(f.ctx, &types.MsgApproveMember{Reviewer: f.addr("bob"), CommunityId: id, Member: f.addr("carol")})
		return err
	})
	f.requireRejected(t, types.ErrMemberNotActive, func() error {
		_, err := f.msgs.UpdateProfile(f.ctx, &types.MsgUpdateProfile{Member: f.addr("bob"), CommunityId: id, FirstName: "Bob"})
		return err
	})
	f.requireRejected(t, types.ErrMemberNotActive, func() error {
		_, err := f.msgs.RemoveMember(f.ctx, &types.MsgRemoveMember{Admin: f.addr("bob"), CommunityId: id, Member: f.addr("alice")})
		return err
	})
	f.requireRejected(t, types.ErrMemberNotActive, func() error {
		_, err := f.msgs.SetMemberRole(f.ctx, &types.MsgSetMemberRole{Admin: f.addr("alice"), CommunityId: id, Member: f.addr("bob"), Role: types.RoleAdmin})
		return err
	})
}

func TestLeaveCommunity_EndsMembershipOrWithdrawsRequest(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyApproval)
	f.join(t, id, "bob")
	f.join(t, id, "carol")
	_, err := f.msgs.ApproveMember(f.ctx, &types.MsgApproveMember{Reviewer: f.addr("alice"), CommunityId: id, Member: f.addr("carol")})
	require.NoError(t, err)
	f.resetEvents()
	f.hooks.calls = nil

	_, err = f.msgs.LeaveCommunity(f.ctx, &types.MsgLeaveCommunity{Member: f.addr("bob"), CommunityId: id})
	require.NoError(t, err, "a pending request may be withdrawn")
	require.Empty(t, f.hooks.calls, "withdrawing a request removes no member")

	_, err = f.msgs.LeaveCommunity(f.ctx, &types.MsgLeaveCommunity{Member: f.addr("carol"), CommunityId: id})
	require.NoError(t, err)
	require.Equal(t, []hookCall{{"removed", id, f.accAddr("carol").String()}}, f.hooks.calls)
	require.Equal(t, []string{"kizuna.community.v1.EventMemberLeft", "kizuna.community.v1.EventMemberLeft"}, f.eventTypes())

	for _, name := range []string{"bob", "carol"} {
		_, err := f.keeper.GetMember(f.ctx, id, f.accAddr(name))
		require.ErrorIs(t, err, types.ErrMemberNotFound)
	}
}

func TestLeaveCommunity_RejectsBadInput(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)

	tests := []struct {
		name string
		msg  *types.MsgLeaveCommunity
		want error
	}{
		{"malformed member", &types.MsgLeaveCommunity{Member: "x", CommunityId: id}, sdkerrors.ErrInvalidAddress},
		{"unknown community", &types.MsgLeaveCommunity{Member: f.addr("alice"), CommunityId: 99}, types.ErrCommunityNotFound},
		{"not a member", &types.MsgLeaveCommunity{Member: f.addr("bob"), CommunityId: id}, types.ErrMemberNotFound},
		{"last admin", &types.MsgLeaveCommunity{Member: f.addr("alice"), CommunityId: id}, types.ErrLastAdmin},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.LeaveCommunity(f.ctx, tc.msg)
				return err
			})
		})
	}
}

func TestRemoveMember_RemovesActiveMember(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)
	f.join(t, id, "bob")
	f.resetEvents()
	f.hooks.calls = nil

	_, err := f.msgs.RemoveMember(f.ctx, &types.MsgRemoveMember{Admin: f.addr("alice"), CommunityId: id, Member: f.addr("bob")})
	require.NoError(t, err)
	_, err = f.keeper.GetMember(f.ctx, id, f.accAddr("bob"))
	require.ErrorIs(t, err, types.ErrMemberNotFound)
	require.Equal(t, []string{"kizuna.community.v1.EventMemberRemoved"}, f.eventTypes())
	require.Equal(t, []hookCall{{"removed", id, f.accAddr("bob").String()}}, f.hooks.calls)
}

func TestRemoveMember_RejectsBadInput(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)
	f.join(t, id, "bob")
	f.join(t, id, "mod")
	f.setRole(t, id, "alice", "mod", types.RoleModerator)
	f.join(t, id, "carol")
	_, err := f.msgs.UpdateCommunity(f.ctx, &types.MsgUpdateCommunity{Admin: f.addr("alice"), CommunityId: id, JoinPolicy: types.JoinPolicyApproval})
	require.NoError(t, err)
	f.join(t, id, "pending")

	valid := func() *types.MsgRemoveMember {
		return &types.MsgRemoveMember{Admin: f.addr("alice"), CommunityId: id, Member: f.addr("bob")}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgRemoveMember)
		want   error
	}{
		{"malformed admin", func(m *types.MsgRemoveMember) { m.Admin = "x" }, sdkerrors.ErrInvalidAddress},
		{"malformed member", func(m *types.MsgRemoveMember) { m.Member = "x" }, sdkerrors.ErrInvalidAddress},
		{"unknown community", func(m *types.MsgRemoveMember) { m.CommunityId = 5 }, types.ErrCommunityNotFound},
		{"signer a moderator", func(m *types.MsgRemoveMember) { m.Admin = f.addr("mod") }, types.ErrNotPermitted},
		{"signer an ordinary member", func(m *types.MsgRemoveMember) { m.Admin = f.addr("carol") }, types.ErrNotPermitted},
		{"member unknown", func(m *types.MsgRemoveMember) { m.Member = f.addr("stranger") }, types.ErrMemberNotFound},
		{"member pending", func(m *types.MsgRemoveMember) { m.Member = f.addr("pending") }, types.ErrMemberNotActive},
		{"last admin removes itself", func(m *types.MsgRemoveMember) { m.Member = f.addr("alice") }, types.ErrLastAdmin},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.RemoveMember(f.ctx, msg)
				return err
			})
		})
	}
}

func TestSetMemberRole_ChangesRole(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)
	f.join(t, id, "bob")
	f.resetEvents()

	f.setRole(t, id, "alice", "bob", types.RoleTeller)
	require.Equal(t, types.RoleTeller, f.member(t, id, "bob").Role)
	require.Equal(t, []string{"kizuna.community.v1.EventMemberRoleChanged"}, f.eventTypes())
	event, err := sdk.ParseTypedEvent(abci.Event(f.ctx.EventManager().Events()[0]))
	require.NoError(t, err)
	require.Equal(t, &types.EventMemberRoleChanged{
		CommunityId: id, Member: f.addr("bob"), OldRole: types.RoleMember, NewRole: types.RoleTeller, Admin: f.addr("alice"),
	}, event)

	before := f.export(t)
	f.setRole(t, id, "alice", "bob", types.RoleTeller)
	require.Equal(t, before, f.export(t))
	require.Len(t, f.eventTypes(), 1, "setting the same role again changes nothing and emits nothing")
}

func TestSetMemberRole_RejectsBadInput(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)
	f.join(t, id, "bob")
	f.join(t, id, "mod")
	f.setRole(t, id, "alice", "mod", types.RoleModerator)
	_, err := f.msgs.UpdateCommunity(f.ctx, &types.MsgUpdateCommunity{Admin: f.addr("alice"), CommunityId: id, JoinPolicy: types.JoinPolicyApproval})
	require.NoError(t, err)
	f.join(t, id, "pending")

	valid := func() *types.MsgSetMemberRole {
		return &types.MsgSetMemberRole{Admin: f.addr("alice"), CommunityId: id, Member: f.addr("bob"), Role: types.RoleModerator}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgSetMemberRole)
		want   error
	}{
		{"malformed admin", func(m *types.MsgSetMemberRole) { m.Admin = "x" }, sdkerrors.ErrInvalidAddress},
		{"malformed member", func(m *types.MsgSetMemberRole) { m.Member = "x" }, sdkerrors.ErrInvalidAddress},
		{"unspecified role", func(m *types.MsgSetMemberRole) { m.Role = types.RoleUnspecified }, types.ErrInvalidRole},
		{"unknown role", func(m *types.MsgSetMemberRole) { m.Role = 42 }, types.ErrInvalidRole},
		{"unknown community", func(m *types.MsgSetMemberRole) { m.CommunityId = 5 }, types.ErrCommunityNotFound},
		{"signer a moderator", func(m *types.MsgSetMemberRole) { m.Admin = f.addr("mod") }, types.ErrNotPermitted},
		{"signer promotes itself", func(m *types.MsgSetMemberRole) {
			m.Admin, m.Member, m.Role = f.addr("bob"), f.addr("bob"), types.RoleAdmin
		}, types.ErrNotPermitted},
		{"member unknown", func(m *types.MsgSetMemberRole) { m.Member = f.addr("stranger") }, types.ErrMemberNotFound},
		{"member pending", func(m *types.MsgSetMemberRole) { m.Member = f.addr("pending") }, types.ErrMemberNotActive},
		{"last admin demotes itself", func(m *types.MsgSetMemberRole) { m.Member = f.addr("alice") }, types.ErrLastAdmin},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.SetMemberRole(f.ctx, msg)
				return err
			})
		})
	}
}

func TestLastAdmin_CannotLeaveBeRemovedOrDemoted(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)
	f.join(t, id, "bob")
	f.setRole(t, id, "alice", "bob", types.RoleAdmin)

	// With two admins, one may step down; then the other is the last one.
	f.setRole(t, id, "alice", "alice", types.RoleMember)
	f.requireRejected(t, types.ErrLastAdmin, func() error {
		_, err := f.msgs.SetMemberRole(f.ctx, &types.MsgSetMemberRole{Admin: f.addr("bob"), CommunityId: id, Member: f.addr("bob"), Role: types.RoleMember})
		return err
	})
	f.requireRejected(t, types.ErrLastAdmin, func() error {
		_, err := f.msgs.LeaveCommunity(f.ctx, &types.MsgLeaveCommunity{Member: f.addr("bob"), CommunityId: id})
		return err
	})
	f.requireRejected(t, types.ErrLastAdmin, func() error {
		_, err := f.msgs.RemoveMember(f.ctx, &types.MsgRemoveMember{Admin: f.addr("bob"), CommunityId: id, Member: f.addr("bob")})
		return err
	})

	// A second admin unlocks all three.
	f.setRole(t, id, "bob", "alice", types.RoleAdmin)
	_, err := f.msgs.RemoveMember(f.ctx, &types.MsgRemoveMember{Admin: f.addr("alice"), CommunityId: id, Member: f.addr("bob")})
	require.NoError(t, err, "the creator may remove another admin")
	f.requireRejected(t, types.ErrLastAdmin, func() error {
		_, err := f.msgs.LeaveCommunity(f.ctx, &types.MsgLeaveCommunity{Member: f.addr("alice"), CommunityId: id})
		return err
	})
}

// TestCreatorRule_OnlyTheCreatorRemovesOrDemotesAdmins: alice created the
// community; bob and carol are admins she appointed, dave a member.
func TestCreatorRule_OnlyTheCreatorRemovesOrDemotesAdmins(t *testing.T) {
	setup := func(t *testing.T) (*fixture, uint64) {
		t.Helper()
		f := newFixture(t)
		id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)
		for _, name := range []string{"bob", "carol", "dave"} {
			f.join(t, id, name)
		}
		f.setRole(t, id, "alice", "bob", types.RoleAdmin)
		f.setRole(t, id, "alice", "carol", types.RoleAdmin)
		return f, id
	}
	remove := func(actor, target string) func(*fixture, uint64) error {
		return func(f *fixture, id uint64) error {
			_, err := f.msgs.RemoveMember(f.ctx, &types.MsgRemoveMember{Admin: f.addr(actor), CommunityId: id, Member: f.addr(target)})
			return err
		}
	}
	setRole := func(actor, target string, role types.Role) func(*fixture, uint64) error {
		return func(f *fixture, id uint64) error {
			_, err := f.msgs.SetMemberRole(f.ctx, &types.MsgSetMemberRole{Admin: f.addr(actor), CommunityId: id, Member: f.addr(target), Role: role})
			return err
		}
	}
	leave := func(member string) func(*fixture, uint64) error {
		return func(f *fixture, id uint64) error {
			_, err := f.msgs.LeaveCommunity(f.ctx, &types.MsgLeaveCommunity{Member: f.addr(member), CommunityId: id})
			return err
		}
	}
	tests := []struct {
		name   string
		before []func(*fixture, uint64) error
		act    func(*fixture, uint64) error
		want   error
	}{
		{"admin removes the creator", nil, remove("bob", "alice"), types.ErrCreatorOnly},
		{"admin demotes the creator", nil, setRole("bob", "alice", types.RoleMember), types.ErrCreatorOnly},
		{"admin removes another admin", nil, remove("bob", "carol"), types.ErrCreatorOnly},
		{"admin demotes another admin", nil, setRole("bob", "carol", types.RoleModerator), types.ErrCreatorOnly},
		{"creator removes an admin", nil, remove("alice", "bob"), nil},
		{"creator demotes an admin", nil, setRole("alice", "bob", types.RoleTeller), nil},
		{"creator steps down", nil, setRole("alice", "alice", types.RoleMember), nil},
		{"creator leaves", nil, leave("alice"), nil},
		{"admin steps down", nil, setRole("bob", "bob", types.RoleMember), nil},
		{"admin removes itself", nil, remove("bob", "bob"), nil},
		{"admin removes a member", nil, remove("bob", "dave"), nil},
		{"admin promotes a member", nil, setRole("bob", "dave", types.RoleAdmin), nil},
		{
			"admin acts on admins once the creator stepped down",
			[]func(*fixture, uint64) error{setRole("alice", "alice", types.RoleMember)},
			remove("bob", "carol"), nil,
		},
		{
			"admin removes the creator once it stepped down",
			[]func(*fixture, uint64) error{setRole("alice", "alice", types.RoleMember)},
			remove("bob", "alice"), nil,
		},
		{
			"admin acts on admins once the creator left",
			[]func(*fixture, uint64) error{leave("alice")},
			setRole("bob", "carol", types.RoleMember), nil,
		},
		{
			"a creator made admin again is the owner again",
			[]func(*fixture, uint64) error{setRole("alice", "alice", types.RoleMember), setRole("bob", "alice", types.RoleAdmin)},
			remove("bob", "alice"), types.ErrCreatorOnly,
		},
		{
			"last-admin rule still binds the creator",
			[]func(*fixture, uint64) error{remove("alice", "bob"), remove("alice", "carol")},
			leave("alice"), types.ErrLastAdmin,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, id := setup(t)
			for _, step := range tc.before {
				require.NoError(t, step(f, id))
			}
			if tc.want == nil {
				require.NoError(t, tc.act(f, id))
				return
			}
			f.requireRejected(t, tc.want, func() error { return tc.act(f, id) })
		})
	}
}
