package community_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/conformance"
	"github.com/kizuna-chain/kizuna/x/community"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

func TestCLI_QueriesParsePositionalArgsAndEnums(t *testing.T) {
	method, req := conformance.Query(t, community.AppModule{}, "search", "7", "ali", "--page-limit", "5")
	require.Equal(t, "/kizuna.community.v1.Query/SearchMembers", method)
	require.Equal(t, "7", req["communityId"])
	require.Equal(t, "ali", req["q"])
	require.Equal(t, "5", req["pagination"].(map[string]any)["limit"])

	method, req = conformance.Query(t, community.AppModule{}, "members", "3", "--role", "admin", "--status", "pending")
	require.Equal(t, "/kizuna.community.v1.Query/Members", method)
	require.Equal(t, "ROLE_ADMIN", req["role"])
	require.Equal(t, "MEMBER_STATUS_PENDING", req["status"])

	addr, err := conformance.AccountCodec.BytesToString(make([]byte, 20))
	require.NoError(t, err)
	method, req = conformance.Query(t, community.AppModule{}, "member", "3", addr)
	require.Equal(t, "/kizuna.community.v1.Query/Member", method)
	require.Equal(t, addr, req["address"])

	for _, args := range [][]string{{"params"}, {"communities"}, {"community", "1"}, {"communities-of", addr}} {
		method, _ = conformance.Query(t, community.AppModule{}, args...)
		require.Contains(t, method, "/kizuna.community.v1.Query/")
	}
}

func TestCLI_TxCommandsBuildTheirMsgs(t *testing.T) {
	msg, signer := conformance.Tx(t, community.AppModule{}, "create-community", "Kizuna Osaka", "taro", "approval", "--description", "Time bank", "--location", "Osaka")
	require.Equal(t, "/kizuna.community.v1.MsgCreateCommunity", msg["@type"])
	require.Equal(t, signer, msg["creator"])
	require.Equal(t, "Kizuna Osaka", msg["name"])
	require.Equal(t, "taro", msg["username"])
	require.Equal(t, "JOIN_POLICY_APPROVAL", msg["join_policy"])
	require.Equal(t, "Time bank", msg["description"])

	digest := "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
	msg, signer = conformance.Tx(t, community.AppModule{}, "join", "1", "hanako", "--first-name", "Hanako", "--avatar-uri", "ipfs://a", "--avatar-sha256", digest)
	require.Equal(t, "/kizuna.community.v1.MsgJoinCommunity", msg["@type"])
	require.Equal(t, signer, msg["member"])
	require.Equal(t, "1", msg["community_id"])
	require.Equal(t, "Hanako", msg["first_name"])
	require.Equal(t, "ABEiM0RVZneImaq7zN3u/wARIjNEVWZ3iJmqu8zd7v8=", msg["avatar_sha256"], "the hex digest is decoded to 32 bytes")

	member, err := conformance.AccountCodec.BytesToString(make([]byte, 20))
	require.NoError(t, err)
	msg, _ = conformance.Tx(t, community.AppModule{}, "set-role", "1", member, "moderator")
	require.Equal(t, "ROLE_MODERATOR", msg["role"])
	require.Equal(t, member, msg["member"])

	msg, _ = conformance.Tx(t, community.AppModule{}, "update-profile", "1", "--username", "hanako_s", "--clear-fields", "last_name,avatar_uri")
	require.Equal(t, "hanako_s", msg["username"])
	require.Equal(t, []any{"last_name", "avatar_uri"}, msg["clear_fields"])

	msg, _ = conformance.Tx(t, community.AppModule{}, "update-community", "1", "--join-policy", "open", "--clear-fields", "location")
	require.Equal(t, "JOIN_POLICY_OPEN", msg["join_policy"])

	for _, args := range [][]string{
		{"approve", "1", member}, {"reject", "1", member}, {"leave", "1"}, {"remove-member", "1", member},
	} {
		msg, signer = conformance.Tx(t, community.AppModule{}, args...)
		require.Contains(t, msg["@type"], "/kizuna.community.v1.Msg")
		require.Contains(t, []any{msg["reviewer"], msg["member"], msg["admin"]}, signer)
	}
}

func TestCLI_UpdateParamsProposalTakesADeposit(t *testing.T) {
	cmd := conformance.TxCmd(t, community.AppModule{}, conformance.NewTxEnv(t, community.AppModule{}))
	sub, _, err := cmd.Find([]string{"update-params-proposal"})
	require.NoError(t, err)
	require.NotNil(t, sub.Flags().Lookup("deposit"), "a proposal command takes a deposit")
}

func TestAminoJSONSigning_SignsNestedParams(t *testing.T) {
	env := conformance.NewTxEnv(t, community.AppModule{})
	sign := conformance.AminoJSONSignBytes(t, env, &types.MsgUpdateParams{Authority: env.Signer, Params: types.DefaultParams()})
	require.Contains(t, sign, `"max_search_scan":10000`, "nested messages are signed in full")
}
