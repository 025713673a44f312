package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/types/query"

	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

func TestThreadsOf_ListsLastMessageAndUnread(t *testing.T) {
	f, _, ad := world(t)
	harbour := uint64(2)
	f.join(t, harbour, "bob")
	res, err := f.msgs.OpenAdThread(f.ctx, &types.MsgOpenAdThread{Requester: f.addr("bob"), AdId: ad})
	require.NoError(t, err)
	direct, err := f.msgs.OpenDirectThread(f.ctx, &types.MsgOpenDirectThread{Creator: f.addr("erin"), CommunityId: harbour, Peer: f.addr("bob")})
	require.NoError(t, err)
	f.post(t, "alice", 1, "one")
	f.post(t, "alice", 1, "two")
	f.post(t, "erin", direct.ThreadId, "ahoy")

	all, err := f.query.ThreadsOf(f.ctx, &types.QueryThreadsOfRequest{Member: f.addr("bob")})
	require.NoError(t, err)
	require.Len(t, all.Threads, 3)
	byID := map[uint64]types.ThreadView{}
	for _, v := range all.Threads {
		byID[v.Thread.Id] = v
	}
	require.Equal(t, uint64(2), byID[1].Unread)
	require.Equal(t, uint64(2), byID[1].LastMessage.Seq)
	require.Nil(t, byID[res.ThreadId].LastMessage, "no message yet")
	require.Equal(t, uint64(1), byID[direct.ThreadId].Unread)

	inHarbour, err := f.query.ThreadsOf(f.ctx, &types.QueryThreadsOfRequest{Member: f.addr("bob"), CommunityId: harbour})
	require.NoError(t, err)
	require.Len(t, inHarbour.Threads, 1)
	require.Equal(t, direct.ThreadId, inHarbour.Threads[0].Thread.Id)

	page, err := f.query.ThreadsOf(f.ctx, &types.QueryThreadsOfRequest{Member: f.addr("bob"), Pagination: &query.PageRequest{Limit: 2, CountTotal: true}})
	require.NoError(t, err)
	require.Len(t, page.Threads, 2)
	require.Equal(t, uint64(3), page.Pagination.Total)
	next, err := f.query.ThreadsOf(f.ctx, &types.QueryThreadsOfRequest{Member: f.addr("bob"), Pagination: &query.PageRequest{Key: page.Pagination.NextKey}})
	require.NoError(t, err)
	require.Len(t, next.Threads, 1)

	unread, err := f.query.UnreadCount(f.ctx, &types.QueryUnreadCountRequest{Member: f.addr("bob")})
	require.NoError(t, err)
	require.Equal(t, &types.QueryUnreadCountResponse{Unread: 3, Threads: 2, MaxThreads: types.MaxUnreadThreads}, unread)
	unread, err = f.query.UnreadCount(f.ctx, &types.QueryUnreadCountRequest{Member: f.addr("bob"), CommunityId: harbour})
	require.NoError(t, err)
	require.Equal(t, uint64(1), unread.Unread)

	_, err = f.query.ThreadsOf(f.ctx, &types.QueryThreadsOfRequest{Member: "nobody"})
	require.Error(t, err)
}

func TestMessages_PaginatesBySeq(t *testing.T) {
	f, _, _ := world(t)
	for _, s := range []string{"a", "b", "c"} {
		f.post(t, "alice", 1, s)
	}
	newest, err := f.query.Messages(f.ctx, &types.QueryMessagesRequest{ThreadId: 1, Pagination: &query.PageRequest{Limit: 2, Reverse: true}})
	require.NoError(t, err)
	require.Len(t, newest.Messages, 2)
	require.Equal(t, uint64(3), newest.Messages[0].Seq)
	require.Equal(t, uint64(2), newest.Messages[1].Seq)

	_, err = f.query.Messages(f.ctx, &types.QueryMessagesRequest{ThreadId: 9})
	require.ErrorIs(t, err, types.ErrThreadNotFound)
	th, err := f.query.Thread(f.ctx, &types.QueryThreadRequest{Id: 1})
	require.NoError(t, err)
	require.Equal(t, uint64(3), th.Thread.LastSeq)
}
