package keeper_test

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	adstypes "github.com/kizuna-chain/kizuna/x/ads/types"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// world is a community "Garden" (1) of alice (admin), bob, carol and dave,
// a community "Harbour" (2) of erin, an ad of alice, and a group of alice,
// bob and carol (thread 1).
func world(t *testing.T) (*fixture, uint64, uint64) {
	t.Helper()
	f := newFixture(t)
	garden := f.createCommunity(t, "Garden", "alice", "bob", "carol", "dave")
	f.createCommunity(t, "Harbour", "erin")
	ad := f.createAd(t, garden, "alice")
	group := f.group(t, garden, "alice", "bob", "carol")
	require.Equal(t, uint64(1), group)
	return f, garden, ad
}

func TestMsgs_RejectBadInputWithoutStateChange(t *testing.T) {
	f, garden, ad := world(t)
	f.post(t, "alice", 1, "hello")
	big := bytes.Repeat([]byte("x"), int(types.DefaultMaxPayloadBytes)+1)
	hundred := make([]string, 0, 101)
	for i := range 101 {
		hundred = append(hundred, f.addr("m"+strings.Repeat("x", i)))
	}
	wrongHash := postMsg(f.addr("bob"), 1, []byte("hi"))
	wrongHash.ContentSha256 = bytes.Repeat([]byte{1}, 32)
	shortHash := postMsg(f.addr("bob"), 1, []byte("hi"))
	shortHash.ContentSha256 = shortHash.ContentSha256[:31]

	cases := []struct {
		name string
		want error
		run  func() error
	}{
		{"non-member posts", types.ErrNotThreadMember, func() error {
			_, err := f.msgs.PostMessage(f.ctx, postMsg(f.addr("dave"), 1, []byte("hi")))
			return err
		}},
		{"hash mismatch", types.ErrHashMismatch, func() error {
			_, err := f.msgs.PostMessage(f.ctx, wrongHash)
			return err
		}},
		{"hash of 31 bytes", types.ErrInvalidHash, func() error {
			_, err := f.msgs.PostMessage(f.ctx, shortHash)
			return err
		}},
		{"oversize payload", types.ErrInvalidPayload, func() error {
			_, err := f.msgs.PostMessage(f.ctx, postMsg(f.addr("bob"), 1, big))
			return err
		}},
		{"empty payload", types.ErrInvalidPayload, func() error {
			_, err := f.msgs.PostMessage(f.ctx, postMsg(f.addr("bob"), 1, nil))
			return err
		}},
		{"post in a missing thread", types.ErrThreadNotFound, func() error {
			_, err := f.msgs.PostMessage(f.ctx, postMsg(f.addr("bob"), 99, []byte("hi")))
			return err
		}},
		{"group of 1", types.ErrInvalidMembers, func() error {
			_, err := f.msgs.CreateGroupThread(f.ctx, &types.MsgCreateGroupThread{Creator: f.addr("alice"), CommunityId: garden, Title: "solo"})
			return err
		}},
		{"group of 1 listing only the creator", types.ErrInvalidMembers, func() error {
			_, err := f.msgs.CreateGroupThread(f.ctx, &types.MsgCreateGroupThread{Creator: f.addr("alice"), CommunityId: garden, Members: f.addrs("alice"), Title: "solo"})
			return err
		}},
		{"group of 101", types.ErrInvalidMembers, func() error {
			_, err := f.msgs.CreateGroupThread(f.ctx, &types.MsgCreateGroupThread{Creator: f.addr("alice"), CommunityId: garden, Members: hundred, Title: "crowd"})
			return err
		}},
		{"group of 100 plus the creator", types.ErrInvalidMembers, func() error {
			_, err := f.msgs.CreateGroupThread(f.ctx, &types.MsgCreateGroupThread{Creator: f.addr("alice"), CommunityId: garden, Members: hundred[:100], Title: "crowd"})
			return err
		}},
		{"duplicate member", types.ErrDuplicateMember, func() error {
			_, err := f.msgs.CreateGroupThread(f.ctx, &types.MsgCreateGroupThread{Creator: f.addr("alice"), CommunityId: garden, Members: f.addrs("bob", "bob"), Title: "dup"})
			return err
		}},
		{"cross-community member", types.ErrNotMember, func() error {
			_, err := f.msgs.CreateGroupThread(f.ctx, &types.MsgCreateGroupThread{Creator: f.addr("alice"), CommunityId: garden, Members: f.addrs("bob", "erin"), Title: "mixed"})
			return err
		}},
		{"group without title", types.ErrInvalidTitle, func() error {
			_, err := f.msgs.CreateGroupThread(f.ctx, &types.MsgCreateGroupThread{Creator: f.addr("alice"), CommunityId: garden, Members: f.addrs("bob"), Title: " "})
			return err
		}},
		{"group title too long", types.ErrInvalidTitle, func() error {
			_, err := f.msgs.CreateGroupThread(f.ctx, &types.MsgCreateGroupThread{Creator: f.addr("alice"), CommunityId: garden, Members: f.addrs("bob"), Title: strings.Repeat("t", 101)})
			return err
		}},
		{"group in a missing community", communitytypes.ErrCommunityNotFound, func() error {
			_, err := f.msgs.CreateGroupThread(f.ctx, &types.MsgCreateGroupThread{Creator: f.addr("alice"), CommunityId: 9, Members: f.addrs("bob"), Title: "x"})
			return err
		}},
		{"update by a non-creator non-admin", types.ErrUnauthorized, func() error {
			_, err := f.msgs.UpdateGroupThread(f.ctx, &types.MsgUpdateGroupThread{Updater: f.addr("bob"), ThreadId: 1, Members: f.addrs("bob", "carol"), Title: "mine"})
			return err
		}},
		{"update to a cross-community member", types.ErrNotMember, func() error {
			_, err := f.msgs.UpdateGroupThread(f.ctx, &types.MsgUpdateGroupThread{Updater: f.addr("alice"), ThreadId: 1, Members: f.addrs("alice", "erin"), Title: "x"})
			return err
		}},
		{"update to 1 member", types.ErrInvalidMembers, func() error {
			_, err := f.msgs.UpdateGroupThread(f.ctx, &types.MsgUpdateGroupThread{Updater: f.addr("alice"), ThreadId: 1, Members: f.addrs("alice"), Title: "x"})
			return err
		}},
		{"mark a seq beyond the last", types.ErrSeqBeyondLast, func() error {
			_, err := f.msgs.MarkRead(f.ctx, &types.MsgMarkRead{Member: f.addr("bob"), ThreadId: 1, Seq: 2})
			return err
		}},
		{"mark read by a non-member", types.ErrNotThreadMember, func() error {
			_, err := f.msgs.MarkRead(f.ctx, &types.MsgMarkRead{Member: f.addr("dave"), ThreadId: 1, Seq: 1})
			return err
		}},
		{"ad thread with oneself", types.ErrSelfThread, func() error {
			_, err := f.msgs.OpenAdThread(f.ctx, &types.MsgOpenAdThread{Requester: f.addr("alice"), AdId: ad})
			return err
		}},
		{"ad thread from another community", types.ErrNotMember, func() error {
			_, err := f.msgs.OpenAdThread(f.ctx, &types.MsgOpenAdThread{Requester: f.addr("erin"), AdId: ad})
			return err
		}},
		{"ad thread on a missing ad", adstypes.ErrAdNotFound, func() error {
			_, err := f.msgs.OpenAdThread(f.ctx, &types.MsgOpenAdThread{Requester: f.addr("bob"), AdId: 99})
			return err
		}},
		{"direct thread with oneself", types.ErrSelfThread, func() error {
			_, err := f.msgs.OpenDirectThread(f.ctx, &types.MsgOpenDirectThread{Creator: f.addr("bob"), CommunityId: garden, Peer: f.addr("bob")})
			return err
		}},
		{"direct thread across communities", types.ErrNotMember, func() error {
			_, err := f.msgs.OpenDirectThread(f.ctx, &types.MsgOpenDirectThread{Creator: f.addr("bob"), CommunityId: garden, Peer: f.addr("erin")})
			return err
		}},
		{"malformed address", sdkerrors.ErrInvalidAddress, func() error {
			_, err := f.msgs.OpenDirectThread(f.ctx, &types.MsgOpenDirectThread{Creator: "nobody", CommunityId: garden, Peer: f.addr("bob")})
			return err
		}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f.requireRejected(t, tc.want, tc.run)
		})
	}
}

func TestOpenAdThread_IsIdempotentPerRequester(t *testing.T) {
	f, _, ad := world(t)
	first, err := f.msgs.OpenAdThread(f.ctx, &types.MsgOpenAdThread{Requester: f.addr("bob"), AdId: ad})
	require.NoError(t, err)
	require.True(t, first.Created)
	th := f.thread(t, first.ThreadId)
	require.Equal(t, types.ThreadKindAd, th.Kind)
	require.Equal(t, ad, th.AdId)
	require.Equal(t, f.addrs("bob", "alice"), th.Members, "the requester, then the ad owner")
	require.Contains(t, f.eventTypes(), "kizuna.messaging.v1.EventThreadOpened")

	var again *types.MsgOpenAdThreadResponse
	f.requireRejected(t, nil, func() error {
		var err error
		again, err = f.msgs.OpenAdThread(f.ctx, &types.MsgOpenAdThread{Requester: f.addr("bob"), AdId: ad})
		return err
	})
	require.Equal(t, first.ThreadId, again.ThreadId)
	require.False(t, again.Created)

	other, err := f.msgs.OpenAdThread(f.ctx, &types.MsgOpenAdThread{Requester: f.addr("carol"), AdId: ad})
	require.NoError(t, err)
	require.NotEqual(t, first.ThreadId, other.ThreadId, "one thread per requester")
}

func TestOpenDirectThread_IsIdempotentPerUnorderedPair(t *testing.T) {
	f, garden, _ := world(t)
	first, err := f.msgs.OpenDirectThread(f.ctx, &types.MsgOpenDirectThread{Creator: f.addr("bob"), CommunityId: garden, Peer: f.addr("carol")})
	require.NoError(t, err)
	require.True(t, first.Created)

	var again *types.MsgOpenDirectThreadResponse
	f.requireRejected(t, nil, func() error {
		var err error
		again, err = f.msgs.OpenDirectThread(f.ctx, &types.MsgOpenDirectThread{Creator: f.addr("carol"), CommunityId: garden, Peer: f.addr("bob")})
		return err
	})
	require.Equal(t, first.ThreadId, again.ThreadId)
	require.False(t, again.Created)
	require.Equal(t, types.ThreadKindDirect, f.thread(t, first.ThreadId).Kind)
}

func TestPostMessage_NumbersMessagesAndCountsUnread(t *testing.T) {
	f, _, ad := world(t)
	res, err := f.msgs.OpenAdThread(f.ctx, &types.MsgOpenAdThread{Requester: f.addr("bob"), AdId: ad})
	require.NoError(t, err)
	id := res.ThreadId

	require.Equal(t, uint64(1), f.post(t, "bob", id, "Is it still available?"))
	require.Equal(t, uint64(1), f.unread(t, "alice"))
	require.Equal(t, uint64(0), f.unread(t, "bob"), "posting marks one's own message read")
	require.Equal(t, uint64(2), f.post(t, "bob", id, "Hello?"))
	require.Equal(t, uint64(2), f.unread(t, "alice"))

	th := f.thread(t, id)
	require.Equal(t, uint64(2), th.LastSeq)
	require.Equal(t, f.ctx.BlockTime(), th.LastMessageAt)
	meta, err := f.query.Messages(f.ctx, &types.QueryMessagesRequest{ThreadId: id})
	require.NoError(t, err)
	require.Len(t, meta.Messages, 2)
	sum := sha256.Sum256([]byte("Hello?"))
	require.Equal(t, sum[:], meta.Messages[1].ContentSha256)
	require.Equal(t, f.addr("bob"), meta.Messages[1].Sender)
	require.Equal(t, int64(1), meta.Messages[1].Height)

	read, err := f.msgs.MarkRead(f.ctx, &types.MsgMarkRead{Member: f.addr("alice"), ThreadId: id, Seq: 1})
	require.NoError(t, err)
	require.Equal(t, uint64(1), read.ReadSeq)
	require.Equal(t, uint64(1), f.unread(t, "alice"))
	require.Contains(t, f.eventTypes(), "kizuna.messaging.v1.EventMessagesRead")

	f.requireRejected(t, nil, func() error {
		res, err := f.msgs.MarkRead(f.ctx, &types.MsgMarkRead{Member: f.addr("alice"), ThreadId: id, Seq: 0})
		if err == nil {
			require.Equal(t, uint64(1), res.ReadSeq, "a lower mark is a no-op")
		}
		return err
	})
	_, err = f.msgs.MarkRead(f.ctx, &types.MsgMarkRead{Member: f.addr("alice"), ThreadId: id, Seq: 2})
	require.NoError(t, err)
	require.Equal(t, uint64(0), f.unread(t, "alice"))
}

func TestPostMessage_EmitsThePayload(t *testing.T) {
	f, _, _ := world(t)
	f.post(t, "bob", 1, "see you at 5")
	var found bool
	for _, e := range f.ctx.EventManager().Events() {
		if e.Type != "kizuna.messaging.v1.EventMessagePosted" {
			continue
		}
		found = true
		attrs := map[string]string{}
		for _, a := range e.Attributes {
			attrs[a.Key] = a.Value
		}
		require.Equal(t, `"1"`, attrs["thread_id"])
		require.Equal(t, `"1"`, attrs["seq"])
		require.Equal(t, `"c2VlIHlvdSBhdCA1"`, attrs["payload"], "base64 of the payload")
	}
	require.True(t, found)
}

func TestStore_NeverHoldsPayloadBytes(t *testing.T) {
	f, _, _ := world(t)
	pattern := make([]byte, 64)
	_, err := rand.Read(pattern)
	require.NoError(t, err)
	seq, err := f.msgs.PostMessage(f.ctx, postMsg(f.addr("bob"), 1, pattern))
	require.NoError(t, err)
	require.Equal(t, uint64(1), seq.Seq)

	// Any 16-byte window of the payload would betray it.
	for k, v := range f.rawStore(t) {
		for i := 0; i+16 <= len(pattern); i++ {
			window := pattern[i : i+16]
			require.False(t, bytes.Contains([]byte(k), window), "payload bytes in a key")
			require.False(t, bytes.Contains([]byte(v), window), "payload bytes in a value")
		}
	}
}

func TestUpdateGroupThread_ReplacesMembers(t *testing.T) {
	f, garden, _ := world(t)
	f.post(t, "alice", 1, "welcome")

	// bob is not the creator, but an admin may update.
	_, err := f.community.SetMemberRole(f.ctx, &communitytypes.MsgSetMemberRole{
		Admin: f.addr("alice"), CommunityId: garden, Member: f.addr("bob"), Role: communitytypes.RoleAdmin,
	})
	require.NoError(t, err)
	_, err = f.msgs.UpdateGroupThread(f.ctx, &types.MsgUpdateGroupThread{
		Updater: f.addr("bob"), ThreadId: 1, Members: f.addrs("alice", "bob", "dave"), Title: "Garden crew 2",
	})
	require.NoError(t, err)
	th := f.thread(t, 1)
	require.Equal(t, f.addrs("alice", "bob"), th.Members, "dave is invited, not added")
	require.Equal(t, "Garden crew 2", th.Title)
	require.Contains(t, f.eventTypes(), "kizuna.messaging.v1.EventGroupThreadUpdated")
	require.Contains(t, f.eventTypes(), "kizuna.messaging.v1.EventMemberInvited")
	f.requireRejected(t, types.ErrNotThreadMember, func() error {
		_, err := f.msgs.PostMessage(f.ctx, postMsg(f.addr("dave"), 1, []byte("may I?")))
		return err
	})
	f.accept(t, 1, "dave")
	require.Equal(t, f.addrs("alice", "bob", "dave"), f.thread(t, 1).Members)
	require.Equal(t, uint64(0), f.unread(t, "dave"), "a new member starts with earlier messages read")

	f.requireRejected(t, types.ErrNotThreadMember, func() error {
		_, err := f.msgs.PostMessage(f.ctx, postMsg(f.addr("carol"), 1, []byte("still here?")))
		return err
	})
	f.post(t, "dave", 1, "hi all")
	require.Equal(t, uint64(1), f.unread(t, "alice"))

	direct, err := f.msgs.OpenDirectThread(f.ctx, &types.MsgOpenDirectThread{Creator: f.addr("bob"), CommunityId: garden, Peer: f.addr("carol")})
	require.NoError(t, err)
	f.requireRejected(t, types.ErrNotGroup, func() error {
		_, err := f.msgs.UpdateGroupThread(f.ctx, &types.MsgUpdateGroupThread{Updater: f.addr("bob"), ThreadId: direct.ThreadId, Members: f.addrs("bob", "carol"), Title: "x"})
		return err
	})
}

func TestLeavingCommunity_StopsPostingAndLeavesGroups(t *testing.T) {
	f, garden, ad := world(t)
	res, err := f.msgs.OpenAdThread(f.ctx, &types.MsgOpenAdThread{Requester: f.addr("carol"), AdId: ad})
	require.NoError(t, err)
	adThread := res.ThreadId
	f.post(t, "carol", adThread, "interested")
	f.post(t, "alice", 1, "group hello")

	f.leave(t, garden, "carol")
	require.Contains(t, f.eventTypes(), "kizuna.messaging.v1.EventMemberLeftThreads")
	require.Len(t, f.thread(t, adThread).Members, 2, "AD threads keep both members")

	f.requireRejected(t, types.ErrNotThreadMember, func() error {
		_, err := f.msgs.PostMessage(f.ctx, postMsg(f.addr("carol"), 1, []byte("x")))
		return err
	})
	f.requireRejected(t, types.ErrNotMember, func() error {
		_, err := f.msgs.PostMessage(f.ctx, postMsg(f.addr("carol"), adThread, []byte("x")))
		return err
	})
	threads, err := f.query.ThreadsOf(f.ctx, &types.QueryThreadsOfRequest{Member: f.addr("carol")})
	require.NoError(t, err)
	require.Len(t, threads.Threads, 1, "only the AD thread is left")
	require.Equal(t, adThread, threads.Threads[0].Thread.Id)

	f.requireRejected(t, types.ErrNotThreadMember, func() error {
		_, err := f.msgs.MarkRead(f.ctx, &types.MsgMarkRead{Member: f.addr("carol"), ThreadId: 1, Seq: 1})
		return err
	})
	f.requireRejected(t, types.ErrNotMember, func() error {
		_, err := f.msgs.MarkRead(f.ctx, &types.MsgMarkRead{Member: f.addr("carol"), ThreadId: adThread, Seq: 1})
		return err
	})

	// A removed member counts no longer either, and a group of one is
	// read-only.
	_, err = f.community.RemoveMember(f.ctx, &communitytypes.MsgRemoveMember{Admin: f.addr("alice"), CommunityId: garden, Member: f.addr("bob")})
	require.NoError(t, err)
	f.requireRejected(t, types.ErrThreadTooSmall, func() error {
		_, err := f.msgs.PostMessage(f.ctx, postMsg(f.addr("alice"), 1, []byte("anyone?")))
		return err
	})
	f.requireRejected(t, types.ErrNotThreadMember, func() error {
		_, err := f.msgs.MarkRead(f.ctx, &types.MsgMarkRead{Member: f.addr("bob"), ThreadId: 1, Seq: 1})
		return err
	})

	// Rejoining restores posting in the AD thread, not the group membership.
	f.join(t, garden, "carol")
	f.post(t, "carol", adThread, "back again")
	f.requireRejected(t, types.ErrNotThreadMember, func() error {
		_, err := f.msgs.PostMessage(f.ctx, postMsg(f.addr("carol"), 1, []byte("x")))
		return err
	})
	threads, err = f.query.ThreadsOf(f.ctx, &types.QueryThreadsOfRequest{Member: f.addr("carol")})
	require.NoError(t, err)
	require.Len(t, threads.Threads, 1, "the group does not come back")

	// The next update prunes those who left; carol is invited again.
	_, err = f.msgs.UpdateGroupThread(f.ctx, &types.MsgUpdateGroupThread{
		Updater: f.addr("alice"), ThreadId: 1, Members: f.addrs("alice", "carol"), Title: "Garden crew",
	})
	require.NoError(t, err)
	require.Equal(t, f.addrs("alice"), f.thread(t, 1).Members)
	f.accept(t, 1, "carol")
	require.Equal(t, f.addrs("alice", "carol"), f.thread(t, 1).Members)
	f.post(t, "carol", 1, "back in the group")
}
