package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"
	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/internal/pagination"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/messaging/keeper"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// gasOf runs fn on a fresh infinite gas meter and returns the gas it used.
func (f *fixture) gasOf(t *testing.T, fn func(ctx sdk.Context) error) uint64 {
	t.Helper()
	ctx := f.ctx.WithGasMeter(storetypes.NewInfiniteGasMeter())
	require.NoError(t, fn(ctx))
	return ctx.GasMeter().GasConsumed()
}

func TestCreateGroupThread_InvitesInsteadOfAdding(t *testing.T) {
	f, garden, _ := world(t)
	id := f.invite(t, garden, "dave", "bob", "carol")
	th := f.thread(t, id)
	require.Equal(t, f.addrs("dave"), th.Members, "only the creator is a member")
	require.Contains(t, f.eventTypes(), "kizuna.messaging.v1.EventMemberInvited")

	res, err := f.query.Thread(f.ctx, &types.QueryThreadRequest{Id: id})
	require.NoError(t, err)
	require.ElementsMatch(t, f.addrs("bob", "carol"), res.Invited)
	inv, err := f.query.Invitations(f.ctx, &types.QueryInvitationsRequest{Member: f.addr("bob")})
	require.NoError(t, err)
	require.Len(t, inv.Invitations, 1)
	require.Equal(t, id, inv.Invitations[0].ThreadId)
	require.Equal(t, f.addr("dave"), inv.Invitations[0].Inviter)

	// Until bob accepts, the group is not his and nobody can talk in it.
	threads, err := f.query.ThreadsOf(f.ctx, &types.QueryThreadsOfRequest{Member: f.addr("bob"), CommunityId: garden})
	require.NoError(t, err)
	for _, v := range threads.Threads {
		require.NotEqual(t, id, v.Thread.Id)
	}
	f.requireRejected(t, types.ErrNotThreadMember, func() error {
		_, err := f.msgs.PostMessage(f.ctx, postMsg(f.addr("bob"), id, []byte("hi")))
		return err
	})
	f.requireRejected(t, types.ErrNotThreadMember, func() error {
		_, err := f.msgs.MarkRead(f.ctx, &types.MsgMarkRead{Member: f.addr("bob"), ThreadId: id})
		return err
	})
	f.requireRejected(t, types.ErrThreadTooSmall, func() error {
		_, err := f.msgs.PostMessage(f.ctx, postMsg(f.addr("dave"), id, []byte("anyone?")))
		return err
	})

	f.accept(t, id, "bob")
	require.Contains(t, f.eventTypes(), "kizuna.messaging.v1.EventGroupInviteAccepted")
	require.Equal(t, f.addrs("dave", "bob"), f.thread(t, id).Members)
	f.post(t, "dave", id, "welcome")
	require.Equal(t, uint64(1), f.unread(t, "bob"))

	_, err = f.msgs.DeclineGroupInvite(f.ctx, &types.MsgDeclineGroupInvite{Invitee: f.addr("carol"), ThreadId: id, CommunityId: garden})
	require.NoError(t, err)
	require.Contains(t, f.eventTypes(), "kizuna.messaging.v1.EventGroupInviteDeclined")
	res, err = f.query.Thread(f.ctx, &types.QueryThreadRequest{Id: id})
	require.NoError(t, err)
	require.Empty(t, res.Invited)
	f.requireRejected(t, types.ErrNoInvitation, func() error {
		_, err := f.msgs.AcceptGroupInvite(f.ctx, &types.MsgAcceptGroupInvite{Invitee: f.addr("carol"), ThreadId: id})
		return err
	})
}

func TestInvitationMsgs_RejectBadInputWithoutStateChange(t *testing.T) {
	f, garden, ad := world(t)
	harbour := uint64(2)
	id := f.invite(t, garden, "alice", "dave")
	lapsed := f.invite(t, garden, "alice", "carol")
	f.leave(t, garden, "carol")
	f.join(t, garden, "carol")

	cases := []struct {
		name string
		want error
		run  func() error
	}{
		{"accept without invitation", types.ErrNoInvitation, func() error {
			_, err := f.msgs.AcceptGroupInvite(f.ctx, &types.MsgAcceptGroupInvite{Invitee: f.addr("bob"), ThreadId: id})
			return err
		}},
		{"accept in a missing thread", types.ErrThreadNotFound, func() error {
			_, err := f.msgs.AcceptGroupInvite(f.ctx, &types.MsgAcceptGroupInvite{Invitee: f.addr("dave"), ThreadId: 99})
			return err
		}},
		{"accept naming another community", types.ErrCommunityMismatch, func() error {
			_, err := f.msgs.AcceptGroupInvite(f.ctx, &types.MsgAcceptGroupInvite{Invitee: f.addr("dave"), ThreadId: id, CommunityId: harbour})
			return err
		}},
		{"accept an invitation that lapsed", types.ErrNoInvitation, func() error {
			_, err := f.msgs.AcceptGroupInvite(f.ctx, &types.MsgAcceptGroupInvite{Invitee: f.addr("carol"), ThreadId: lapsed})
			return err
		}},
		{"accept by a malformed address", sdkerrors.ErrInvalidAddress, func() error {
			_, err := f.msgs.AcceptGroupInvite(f.ctx, &types.MsgAcceptGroupInvite{Invitee: "nobody", ThreadId: id})
			return err
		}},
		{"decline without invitation", types.ErrNoInvitation, func() error {
			_, err := f.msgs.DeclineGroupInvite(f.ctx, &types.MsgDeclineGroupInvite{Invitee: f.addr("bob"), ThreadId: id})
			return err
		}},
		{"decline naming another community", types.ErrCommunityMismatch, func() error {
			_, err := f.msgs.DeclineGroupInvite(f.ctx, &types.MsgDeclineGroupInvite{Invitee: f.addr("dave"), ThreadId: id, CommunityId: harbour})
			return err
		}},
		{"decline in a missing thread", types.ErrThreadNotFound, func() error {
			_, err := f.msgs.DeclineGroupInvite(f.ctx, &types.MsgDeclineGroupInvite{Invitee: f.addr("dave"), ThreadId: 99})
			return err
		}},
		{"post naming another community", types.ErrCommunityMismatch, func() error {
			msg := postMsg(f.addr("bob"), 1, []byte("hi"))
			msg.CommunityId = harbour
			_, err := f.msgs.PostMessage(f.ctx, msg)
			return err
		}},
		{"mark read naming another community", types.ErrCommunityMismatch, func() error {
			_, err := f.msgs.MarkRead(f.ctx, &types.MsgMarkRead{Member: f.addr("bob"), ThreadId: 1, CommunityId: harbour})
			return err
		}},
		{"update naming another community", types.ErrCommunityMismatch, func() error {
			_, err := f.msgs.UpdateGroupThread(f.ctx, &types.MsgUpdateGroupThread{
				Updater: f.addr("alice"), ThreadId: 1, Members: f.addrs("alice", "bob"), Title: "x", CommunityId: harbour,
			})
			return err
		}},
		{"ad thread naming another community", types.ErrCommunityMismatch, func() error {
			_, err := f.msgs.OpenAdThread(f.ctx, &types.MsgOpenAdThread{Requester: f.addr("bob"), AdId: ad, CommunityId: harbour})
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f.requireRejected(t, tc.want, tc.run)
		})
	}

	// Stating the right community is accepted everywhere.
	msg := postMsg(f.addr("bob"), 1, []byte("hi"))
	msg.CommunityId = garden
	_, err := f.msgs.PostMessage(f.ctx, msg)
	require.NoError(t, err)
	_, err = f.msgs.OpenAdThread(f.ctx, &types.MsgOpenAdThread{Requester: f.addr("bob"), AdId: ad, CommunityId: garden})
	require.NoError(t, err)
	_, err = f.msgs.AcceptGroupInvite(f.ctx, &types.MsgAcceptGroupInvite{Invitee: f.addr("dave"), ThreadId: id, CommunityId: garden})
	require.NoError(t, err)
	// A lapsed invitation can still be declined.
	_, err = f.msgs.DeclineGroupInvite(f.ctx, &types.MsgDeclineGroupInvite{Invitee: f.addr("carol"), ThreadId: lapsed})
	require.NoError(t, err)
}

// TestGroupSpam_InvitationsStopAtTheCap is the attack of a member who puts
// a victim into 1000 groups: the victim gets at most max_pending_invitations
// of them, none of which makes it a member.
func TestGroupSpam_InvitationsStopAtTheCap(t *testing.T) {
	f := newFixture(t)
	garden := f.createCommunity(t, "Garden", "spammer", "victim")
	accepted := 0
	var refusal error
	for range 1000 {
		_, err := f.msgs.CreateGroupThread(f.ctx, &types.MsgCreateGroupThread{
			Creator: f.addr("spammer"), CommunityId: garden, Members: f.addrs("victim"), Title: "Buy now",
		})
		if err != nil {
			refusal = err
			break
		}
		accepted++
	}
	require.Equal(t, int(types.DefaultMaxPendingInvitations), accepted)
	require.ErrorIs(t, refusal, types.ErrTooManyInvites)
	f.requireRejected(t, types.ErrTooManyInvites, func() error {
		_, err := f.msgs.CreateGroupThread(f.ctx, &types.MsgCreateGroupThread{
			Creator: f.addr("spammer"), CommunityId: garden, Members: f.addrs("victim"), Title: "Buy now",
		})
		return err
	})
	threads, err := f.query.ThreadsOf(f.ctx, &types.QueryThreadsOfRequest{Member: f.addr("victim")})
	require.NoError(t, err)
	require.Empty(t, threads.Threads, "an invitation makes nobody a member")

	// Declining one frees a place; leaving the community lapses them all,
	// and the next invitation prunes the lapsed ones.
	_, err = f.msgs.DeclineGroupInvite(f.ctx, &types.MsgDeclineGroupInvite{Invitee: f.addr("victim"), ThreadId: 1})
	require.NoError(t, err)
	f.invite(t, garden, "spammer", "victim")
	f.leave(t, garden, "victim")
	f.join(t, garden, "victim")
	inv, err := f.query.Invitations(f.ctx, &types.QueryInvitationsRequest{Member: f.addr("victim")})
	require.NoError(t, err)
	require.Empty(t, inv.Invitations, "invitations lapse when the invitee leaves")
	f.invite(t, garden, "spammer", "victim")
	stored := 0
	require.NoError(t, f.keeper.Invitations.Walk(f.ctx, nil, func(_ keeper.InvitationKey, _ types.Invitation) (bool, error) {
		stored++
		return false, nil
	}))
	require.Equal(t, 1, stored, "the lapsed invitations were pruned")
}

// TestGroupSpam_LeavingCostsTheSameWithAThousandGroups is the attack that
// made a member expensive to remove: the victim is in 1000 groups (it
// accepted each), yet leaving or being removed costs about what it costs a
// member in none.
func TestGroupSpam_LeavingCostsTheSameWithAThousandGroups(t *testing.T) {
	f := newFixture(t)
	garden := f.createCommunity(t, "Garden", "spammer", "victim", "quiet", "victim2", "quiet2")
	for range 1000 {
		id := f.invite(t, garden, "spammer", "victim", "victim2")
		f.accept(t, id, "victim")
		f.accept(t, id, "victim2")
	}
	leave := func(name string) func(ctx sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.community.LeaveCommunity(ctx, &communitytypes.MsgLeaveCommunity{Member: f.addr(name), CommunityId: garden})
			return err
		}
	}
	remove := func(name string) func(ctx sdk.Context) error {
		return func(ctx sdk.Context) error {
			_, err := f.community.RemoveMember(ctx, &communitytypes.MsgRemoveMember{Admin: f.addr("spammer"), CommunityId: garden, Member: f.addr(name)})
			return err
		}
	}
	none, thousand := f.gasOf(t, leave("quiet")), f.gasOf(t, leave("victim"))
	t.Logf("LeaveCommunity gas: %d in no group, %d in 1000 groups", none, thousand)
	require.LessOrEqual(t, thousand, 2*none)
	none, thousand = f.gasOf(t, remove("quiet2")), f.gasOf(t, remove("victim2"))
	t.Logf("RemoveMember gas: %d in no group, %d in 1000 groups", none, thousand)
	require.LessOrEqual(t, thousand, 2*none)

	// The victim counts in none of the groups any more, also after
	// re-joining, and the groups keep working for those who stayed.
	f.join(t, garden, "victim")
	threads, err := f.query.ThreadsOf(f.ctx, &types.QueryThreadsOfRequest{Member: f.addr("victim")})
	require.NoError(t, err)
	require.Empty(t, threads.Threads)
	f.requireRejected(t, types.ErrNotThreadMember, func() error {
		_, err := f.msgs.PostMessage(f.ctx, postMsg(f.addr("victim"), 1000, []byte("x")))
		return err
	})
	f.requireRejected(t, types.ErrThreadTooSmall, func() error {
		_, err := f.msgs.PostMessage(f.ctx, postMsg(f.addr("spammer"), 1000, []byte("x")))
		return err
	})
	unread, err := f.query.UnreadCount(f.ctx, &types.QueryUnreadCountRequest{Member: f.addr("victim")})
	require.NoError(t, err)
	require.Zero(t, unread.Unread)
}

// TestQueries_BoundTheirWork checks that a page asks for at most
// pagination.MaxLimit entries however large its limit, and that UnreadCount
// scans at most MaxUnreadThreads threads: its gas with 1000 threads is
// about its gas with MaxUnreadThreads.
func TestQueries_BoundTheirWork(t *testing.T) {
	f := newFixture(t)
	garden := f.createCommunity(t, "Garden", "alice", "bob")
	unreadGas := map[int]uint64{}
	for n := 1; n <= 1000; n++ {
		id := f.invite(t, garden, "alice", "bob")
		f.accept(t, id, "bob")
		f.post(t, "alice", id, "hi")
		if n == types.MaxUnreadThreads || n == 1000 {
			var res *types.QueryUnreadCountResponse
			unreadGas[n] = f.gasOf(t, func(ctx sdk.Context) error {
				var err error
				res, err = f.query.UnreadCount(ctx, &types.QueryUnreadCountRequest{Member: f.addr("bob")})
				return err
			})
			require.Equal(t, uint64(types.MaxUnreadThreads), res.Unread)
			require.Equal(t, n > types.MaxUnreadThreads, res.Truncated)
		}
	}
	t.Logf("UnreadCount gas: %d with %d threads, %d with 1000", unreadGas[types.MaxUnreadThreads], types.MaxUnreadThreads, unreadGas[1000])
	require.LessOrEqual(t, unreadGas[1000], unreadGas[types.MaxUnreadThreads]*11/10)

	huge := &query.PageRequest{Limit: 1_000_000_000}
	threads, err := f.query.ThreadsOf(f.ctx, &types.QueryThreadsOfRequest{Member: f.addr("bob"), Pagination: huge})
	require.NoError(t, err)
	require.Len(t, threads.Threads, int(pagination.MaxLimit))
	require.NotEmpty(t, threads.Pagination.NextKey)

	for range pagination.MaxLimit + 5 {
		f.post(t, "alice", 1, "more")
	}
	msgs, err := f.query.Messages(f.ctx, &types.QueryMessagesRequest{ThreadId: 1, Pagination: huge})
	require.NoError(t, err)
	require.Len(t, msgs.Messages, int(pagination.MaxLimit))

	// Invitations pages are bounded the same way.
	params := types.DefaultParams()
	params.MaxPendingInvitations = types.CeilingInvitations
	_, err = f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: params})
	require.NoError(t, err)
	for range pagination.MaxLimit + 5 {
		f.invite(t, garden, "bob", "alice")
	}
	inv, err := f.query.Invitations(f.ctx, &types.QueryInvitationsRequest{Member: f.addr("alice"), Pagination: huge})
	require.NoError(t, err)
	require.Len(t, inv.Invitations, int(pagination.MaxLimit))
}
