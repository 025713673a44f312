package cli_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/x/amplify/client/cli"
)

func TestNewTxCmd_HasTheKeyFileCommands(t *testing.T) {
	cmd := cli.NewTxCmd()
	for _, name := range []string{"upvote", "comment", "link", "authorize-signer", "revoke-signer"} {
		sub, _, err := cmd.Find([]string{name})
		require.NoError(t, err)
		require.Equal(t, name, sub.Name())
		require.NotNil(t, sub.Flags().Lookup(cli.FlagEthKey))
	}
	for _, name := range []string{"upvote", "comment"} {
		sub, _, err := cmd.Find([]string{name})
		require.NoError(t, err)
		require.NotNil(t, sub.Flags().Lookup(cli.FlagCommunityID), name)
	}
	sub, _, err := cmd.Find([]string{"authorize-signer"})
	require.NoError(t, err)
	require.NotNil(t, sub.Flags().Lookup(cli.FlagSignerKey))
}

func TestCommentTimestamp_NewerThanItsParent(t *testing.T) {
	require.Equal(t, uint64(1_700_000_010), cli.CommentTimestamp(1_700_000_010, 1_700_000_000), "now, when the parent is older")
	require.Equal(t, uint64(1_700_000_001), cli.CommentTimestamp(1_700_000_000, 1_700_000_000), "the parent's second: the next one")
	require.Equal(t, uint64(1_700_000_006), cli.CommentTimestamp(1_700_000_000, 1_700_000_005), "a parent ahead of this clock")
}
