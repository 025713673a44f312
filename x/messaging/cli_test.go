package messaging_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/conformance"
	"github.com/kizuna-chain/kizuna/x/messaging"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

func TestCLI_QueriesParsePositionalArgs(t *testing.T) {
	member, err := conformance.AccountCodec.BytesToString(make([]byte, 20))
	require.NoError(t, err)

	method, req := conformance.Query(t, messaging.AppModule{}, "thread", "3")
	require.Equal(t, "/kizuna.messaging.v1.Query/Thread", method)
	require.Equal(t, "3", req["id"])

	method, req = conformance.Query(t, messaging.AppModule{}, "threads-of", member, "--community-id", "2", "--page-limit", "5")
	require.Equal(t, "/kizuna.messaging.v1.Query/ThreadsOf", method)
	require.Equal(t, member, req["member"])
	require.Equal(t, "2", req["communityId"])
	require.Equal(t, "5", req["pagination"].(map[string]any)["limit"])

	method, req = conformance.Query(t, messaging.AppModule{}, "messages", "3", "--page-reverse")
	require.Equal(t, "/kizuna.messaging.v1.Query/Messages", method)
	require.Equal(t, "3", req["threadId"])
	require.Equal(t, true, req["pagination"].(map[string]any)["reverse"])

	method, req = conformance.Query(t, messaging.AppModule{}, "unread-count", member)
	require.Equal(t, "/kizuna.messaging.v1.Query/UnreadCount", method)
	require.Equal(t, member, req["member"])

	method, req = conformance.Query(t, messaging.AppModule{}, "invitations", member, "--community-id", "2")
	require.Equal(t, "/kizuna.messaging.v1.Query/Invitations", method)
	require.Equal(t, member, req["member"])
	require.Equal(t, "2", req["communityId"])

	method, _ = conformance.Query(t, messaging.AppModule{}, "params")
	require.Equal(t, "/kizuna.messaging.v1.Query/Params", method)
}

func TestCLI_TxCommandsBuildTheirMsgs(t *testing.T) {
	a, err := conformance.AccountCodec.BytesToString(bytes.Repeat([]byte{1}, 20))
	require.NoError(t, err)
	b, err := conformance.AccountCodec.BytesToString(bytes.Repeat([]byte{2}, 20))
	require.NoError(t, err)

	msg, signer := conformance.Tx(t, messaging.AppModule{}, "open-ad-thread", "3")
	require.Equal(t, "/kizuna.messaging.v1.MsgOpenAdThread", msg["@type"])
	require.Equal(t, signer, msg["requester"])
	require.Equal(t, "3", msg["ad_id"])

	msg, signer = conformance.Tx(t, messaging.AppModule{}, "open-direct-thread", "1", a)
	require.Equal(t, "/kizuna.messaging.v1.MsgOpenDirectThread", msg["@type"])
	require.Equal(t, signer, msg["creator"])
	require.Equal(t, a, msg["peer"])

	msg, _ = conformance.Tx(t, messaging.AppModule{}, "create-group", "1", "Garden crew", a, b)
	require.Equal(t, "/kizuna.messaging.v1.MsgCreateGroupThread", msg["@type"])
	require.Equal(t, "Garden crew", msg["title"])
	require.Equal(t, []any{a, b}, msg["members"])

	msg, signer = conformance.Tx(t, messaging.AppModule{}, "update-group", "2", "Crew", a, b)
	require.Equal(t, "/kizuna.messaging.v1.MsgUpdateGroupThread", msg["@type"])
	require.Equal(t, signer, msg["updater"])
	require.Equal(t, "2", msg["thread_id"])
	require.Equal(t, []any{a, b}, msg["members"])

	msg, signer = conformance.Tx(t, messaging.AppModule{}, "mark-read", "2", "7")
	require.Equal(t, "/kizuna.messaging.v1.MsgMarkRead", msg["@type"])
	require.Equal(t, signer, msg["member"])
	require.Equal(t, "7", msg["seq"])
	require.Equal(t, "0", msg["community_id"], "0 states no community")

	// Every Msg acting on a thread or an ad takes the optional --community-id.
	for _, args := range [][]string{
		{"open-ad-thread", "3"},
		{"update-group", "2", "Crew", a, b},
		{"mark-read", "2", "7"},
		{"accept-invite", "2"},
		{"decline-invite", "2"},
		{"post", "2", "hello", "--plaintext"},
	} {
		msg, _ = conformance.Tx(t, messaging.AppModule{}, append(args, "--community-id", "4")...)
		require.Equal(t, "4", msg["community_id"], args[0])
	}

	msg, signer = conformance.Tx(t, messaging.AppModule{}, "accept-invite", "5")
	require.Equal(t, "/kizuna.messaging.v1.MsgAcceptGroupInvite", msg["@type"])
	require.Equal(t, signer, msg["invitee"])
	require.Equal(t, "5", msg["thread_id"])

	msg, signer = conformance.Tx(t, messaging.AppModule{}, "decline-invite", "5")
	require.Equal(t, "/kizuna.messaging.v1.MsgDeclineGroupInvite", msg["@type"])
	require.Equal(t, signer, msg["invitee"])

	// Offline, only --plaintext posts: sealing reads the members' keys.
	msg, signer = conformance.Tx(t, messaging.AppModule{}, "post", "2", "hello", "--plaintext")
	require.Equal(t, "/kizuna.messaging.v1.MsgPostMessage", msg["@type"])
	require.Equal(t, signer, msg["sender"])
	require.Equal(t, "2", msg["thread_id"])
	require.Equal(t, "aGVsbG8=", msg["payload"])
	sum := sha256.Sum256([]byte("hello"))
	require.Equal(t, base64.StdEncoding.EncodeToString(sum[:]), msg["content_sha256"], "the CLI hashes the payload")

	file := filepath.Join(t.TempDir(), "message.enc")
	require.NoError(t, os.WriteFile(file, []byte{0xff, 0x00}, 0o600))
	msg, _ = conformance.Tx(t, messaging.AppModule{}, "post", "2", "@"+file, "--plaintext")
	require.Equal(t, "/wA=", msg["payload"], "a file is sent byte for byte")
}

func TestAminoJSONSigning_SignsNestedParams(t *testing.T) {
	env := conformance.NewTxEnv(t, messaging.AppModule{})
	sign := conformance.AminoJSONSignBytes(t, env, &types.MsgUpdateParams{Authority: env.Signer, Params: types.DefaultParams()})
	require.Contains(t, sign, `"max_payload_bytes":4096`, "nested messages are signed in full")
}
