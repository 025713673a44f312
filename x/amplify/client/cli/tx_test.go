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
