package keeper_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

func TestQueries_ListVotesTopMessage(t *testing.T) {
	f := newFixture(t)
	k1, k2, k3 := ethKey(t, 1), ethKey(t, 2), ethKey(t, 3)
	hour := uint64(3600)
	// Each message is accepted in a block at its signed time.
	at := func(ts uint64) *fixture {
		f.ctx = f.ctx.WithBlockTime(time.Unix(int64(ts), 0).UTC())
		return f
	}
	a := at(now-10*hour).mustSubmit(t, k1, amplify("A", "https://a.example/", now-10*hour))
	at(now-9*hour).mustSubmit(t, k2, amplify("A", "https://www.a.example", now-9*hour))
	at(now-8*hour).mustSubmit(t, k3, amplify("A", "https://a.example/?utm_medium=x", now-8*hour))
	at(now-hour).mustSubmit(t, k1, amplify("B", "https://b.example/", now-hour))
	at(now-hour/2).mustSubmit(t, k2, amplify("B", "https://b.example/", now-hour/2))
	c := at(now-hour/2).mustSubmit(t, k3, comment("hi", a.Index, now-hour))
	at(now)

	list, err := f.query.List(f.ctx, &types.QueryListRequest{From: 1, Amount: 2, Type: types.TypeAmplify})
	require.NoError(t, err)
	require.Len(t, list.Messages, 2)
	require.Equal(t, uint64(2), list.Messages[0].Seq)
	comments, err := f.query.List(f.ctx, &types.QueryListRequest{From: 0, Amount: 10, Type: types.TypeComment})
	require.NoError(t, err)
	require.Len(t, comments.Messages, 1)
	require.Equal(t, c.Index, comments.Messages[0].Index)
	_, err = f.query.List(f.ctx, &types.QueryListRequest{From: 0, Amount: 501})
	require.ErrorIs(t, err, types.ErrInvalidRequest)

	votes, err := f.query.Votes(f.ctx, &types.QueryVotesRequest{Href: "https://A.example"})
	require.NoError(t, err)
	require.Equal(t, "https://a.example", votes.Link)
	require.Equal(t, []string{ethAddr(k1).Hex(), ethAddr(k2).Hex(), ethAddr(k3).Hex()}, votes.Identities)

	// A: 3 votes, first accepted 10 h ago: 3e6/12^2 = 20833. B: 2 votes,
	// first accepted 1 h ago: 2e6/3^2 = 222222.
	top, err := f.query.Top(f.ctx, &types.QueryTopRequest{N: 10})
	require.NoError(t, err)
	require.Len(t, top.Links, 2)
	require.Equal(t, "https://b.example", top.Links[0].Link)
	require.Equal(t, uint64(222222), top.Links[0].Score)
	require.Equal(t, "https://a.example", top.Links[1].Link)
	require.Equal(t, uint64(20833), top.Links[1].Score)
	require.Equal(t, a.Index, top.Links[1].FirstIndex)
	require.Equal(t, int64(now-10*hour), top.Links[1].FirstAcceptedAt)

	// Outside the window (a week after acceptance), nothing ranks.
	later := f.ctx.WithBlockTime(f.ctx.BlockTime().Add(8 * 24 * time.Hour))
	top, err = f.query.Top(later, &types.QueryTopRequest{N: 10})
	require.NoError(t, err)
	require.Empty(t, top.Links)

	msg, err := f.query.Message(f.ctx, &types.QueryMessageRequest{Index: types.KiwiPrefix + a.Index})
	require.NoError(t, err)
	require.Equal(t, "A", msg.Message.Title)
	_, err = f.query.Message(f.ctx, &types.QueryMessageRequest{Index: "00"})
	require.ErrorIs(t, err, types.ErrMessageNotFound)
}

func TestGenesis_ExportImportRoundTrip(t *testing.T) {
	f := newFixture(t)
	applyValidVectors(t, f)
	gs, err := f.keeper.ExportGenesis(f.ctx)
	require.NoError(t, err)
	require.NoError(t, gs.Validate())

	g := newFixture(t)
	require.NoError(t, g.keeper.InitGenesis(g.ctx, gs))
	again, err := g.keeper.ExportGenesis(g.ctx)
	require.NoError(t, err)
	require.Equal(t, gs, again)
	require.Equal(t, f.rawStore(t), g.rawStore(t))

	// The comment index is rebuilt from the messages: one entry per
	// comment, and a re-encoded vector comment is still a duplicate.
	var comments, indexed int
	for _, m := range gs.Messages {
		if m.Type == types.TypeComment {
			comments++
		}
	}
	require.NoError(t, g.keeper.Messages.Indexes.CommentDigests.Walk(g.ctx, nil, func(collections.Pair[string, []byte], collections.NoValue) (bool, error) {
		indexed++
		return false, nil
	}))
	require.NotZero(t, comments)
	require.Equal(t, comments, indexed)
	for _, m := range gs.Messages {
		if m.Type != types.TypeComment {
			continue
		}
		sm := types.SignedMessage{Content: types.Content{Title: m.Title, Href: m.Href, Type: m.Type, Timestamp: m.Timestamp}}
		sm.Signature = "0x" + strings.ToUpper(strings.TrimPrefix(m.Signature, "0x"))
		g.requireRejected(t, types.ErrDuplicateComment, func() error {
			_, err := g.msgs.SubmitAmplify(g.ctx, types.NewMsgSubmitAmplify(g.addr("relayer"), sm))
			return err
		})
		break
	}
}
