package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/collections"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// TestPartialIndex_FollowsOverwritesAndRemovals: accepted messages are never
// changed or removed, but the partial indexes of Keeper.Messages keep
// IndexedMap's contract anyway: an entry only for the messages of their
// kind, moved when a message is overwritten, gone when it is removed.
func TestPartialIndex_FollowsOverwritesAndRemovals(t *testing.T) {
	f := newFixture(t)
	ix := f.keeper.Messages.Indexes
	const identity, link, parent = "0x00000000000000000000000000000000000000aA", "https://example.com", "kiwi:0x" + "ab"
	vote := types.StoredMessage{Index: "i", Seq: 7, Type: types.TypeAmplify, Link: link, Identity: identity}
	reaction := types.StoredMessage{
		Index: "i", Seq: 7, Type: types.TypeComment, Title: "👍", Href: parent, Timestamp: now,
		Link: parent, Reaction: true, Identity: identity,
	}
	digest, err := types.Content{Title: reaction.Title, Href: reaction.Href, Type: reaction.Type, Timestamp: reaction.Timestamp}.Digest()
	require.NoError(t, err)

	entries := func() map[string]bool {
		t.Helper()
		out := map[string]bool{}
		for name, run := range map[string]func() (bool, error){
			"amplify marker":  func() (bool, error) { return ix.AmplifyMarkers.Has(f.ctx, collections.Join(identity, link)) },
			"reaction marker": func() (bool, error) { return ix.ReactionMarkers.Has(f.ctx, collections.Join(identity, parent)) },
			"comment digest":  func() (bool, error) { return ix.CommentDigests.Has(f.ctx, collections.Join(identity, digest)) },
			"vote":            func() (bool, error) { return ix.Votes.Has(f.ctx, collections.Join(link, uint64(7))) },
		} {
			ok, err := run()
			require.NoError(t, err, name)
			if ok {
				out[name] = true
			}
		}
		return out
	}

	require.NoError(t, f.keeper.Messages.Set(f.ctx, "i", vote))
	require.Equal(t, map[string]bool{"amplify marker": true, "vote": true}, entries())
	got, err := ix.Votes.Get(f.ctx, collections.Join(link, uint64(7)))
	require.NoError(t, err)
	require.Equal(t, identity, got)

	require.NoError(t, f.keeper.Messages.Set(f.ctx, "i", reaction))
	require.Equal(t, map[string]bool{"reaction marker": true, "comment digest": true}, entries())

	text := reaction
	text.Title, text.Reaction = "Nice", false
	require.NoError(t, f.keeper.Messages.Set(f.ctx, "i", text))
	require.Empty(t, entries(), "entries of the reaction left after its overwrite")
	textDigest, err := types.Content{Title: text.Title, Href: text.Href, Type: text.Type, Timestamp: text.Timestamp}.Digest()
	require.NoError(t, err)
	indexed, err := ix.CommentDigests.Has(f.ctx, collections.Join(identity, textDigest))
	require.NoError(t, err)
	require.True(t, indexed, "the text comment's digest")

	require.NoError(t, f.keeper.Messages.Set(f.ctx, "i", reaction))
	require.NoError(t, f.keeper.Messages.Remove(f.ctx, "i"))
	require.Empty(t, entries())
}
