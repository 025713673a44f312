package keeper_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

func TestGenesis_ExportImportRoundTrip(t *testing.T) {
	f := newFixture(t)
	applyValidVectors(t, f)
	g := newFixture(t)
	gs := statetest.RequireRoundTrip(t, f.keeper, f.ctx, g.keeper, g.ctx)
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
