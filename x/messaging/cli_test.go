package messaging_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/encoding/protojson"
	protov2 "google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoregistry"

	"cosmossdk.io/client/v2/autocli"
	"cosmossdk.io/client/v2/autocli/flag"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	"github.com/cosmos/cosmos-sdk/std"
	sdk "github.com/cosmos/cosmos-sdk/types"
	signingtypes "github.com/cosmos/cosmos-sdk/types/tx/signing"
	authsigning "github.com/cosmos/cosmos-sdk/x/auth/signing"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	txsigning "github.com/cosmos/cosmos-sdk/x/tx/signing"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/messaging"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// recordingConn is a gRPC connection that records the last call and answers
// with an empty response.
type recordingConn struct {
	method string
	req    protov2.Message
}

// Invoke records the request and answers with the empty response a node
// would send: the gogoproto zero value, whose non-nullable fields are set.
func (c *recordingConn) Invoke(_ context.Context, method string, args, reply any, _ ...grpc.CallOption) error {
	c.method = method
	c.req = args.(protov2.Message)
	out := reply.(protov2.Message)
	typ := proto.MessageType(string(out.ProtoReflect().Descriptor().FullName()))
	bz, err := proto.Marshal(reflect.New(typ.Elem()).Interface().(proto.Message))
	if err != nil {
		return err
	}
	return protov2.Unmarshal(bz, out)
}

func (c *recordingConn) NewStream(context.Context, *grpc.StreamDesc, string, ...grpc.CallOption) (grpc.ClientStream, error) {
	panic("not used")
}

var (
	accountCodec   = addresscodec.NewBech32Codec(keepertest.Bech32AccountPrefix)
	validatorCodec = addresscodec.NewBech32Codec(keepertest.Bech32AccountPrefix + "valoper")
	consensusCodec = addresscodec.NewBech32Codec(keepertest.Bech32AccountPrefix + "valcons")
)

func newCLIBuilder(t *testing.T, conn grpc.ClientConnInterface) *autocli.Builder {
	t.Helper()
	// The node's CLI resolves descriptors from the merged registry, like this.
	files, err := proto.MergedRegistry()
	require.NoError(t, err)
	b := &autocli.Builder{
		Builder: flag.Builder{
			TypeResolver:          protoregistry.GlobalTypes,
			FileResolver:          files,
			AddressCodec:          accountCodec,
			ValidatorAddressCodec: validatorCodec,
			ConsensusAddressCodec: consensusCodec,
		},
		GetClientConn:     func(*cobra.Command) (grpc.ClientConnInterface, error) { return conn, nil },
		AddQueryConnFlags: flags.AddQueryFlagsToCmd,
		AddTxConnFlags:    flags.AddTxFlagsToCmd,
	}
	require.NoError(t, b.ValidateAndComplete())
	return b
}

// runQuery runs `query messaging <args>` and returns the request sent.
func runQuery(t *testing.T, args ...string) (string, map[string]any) {
	t.Helper()
	conn := &recordingConn{}
	b := newCLIBuilder(t, conn)
	cmd := &cobra.Command{Use: types.ModuleName}
	cmd.SetContext(context.Background())
	require.NoError(t, b.AddQueryServiceCommands(cmd, messaging.AppModule{}.AutoCLIOptions().Query))
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	require.NoError(t, cmd.Execute())

	bz, err := protojson.Marshal(conn.req)
	require.NoError(t, err)
	var req map[string]any
	require.NoError(t, json.Unmarshal(bz, &req))
	return conn.method, req
}

// txEnv is a client context that generates unsigned transactions signed by a
// key of an in-memory keyring.
func txEnv(t *testing.T) (client.Context, string) {
	t.Helper()
	registry, err := codectypes.NewInterfaceRegistryWithOptions(codectypes.InterfaceRegistryOptions{
		ProtoFiles:     proto.HybridResolver,
		SigningOptions: txsigning.Options{AddressCodec: accountCodec, ValidatorAddressCodec: validatorCodec},
	})
	require.NoError(t, err)
	std.RegisterInterfaces(registry)
	messaging.AppModule{}.RegisterInterfaces(registry)
	cdc := codec.NewProtoCodec(registry)
	txConfig, err := authtx.NewTxConfigWithOptions(cdc, authtx.ConfigOptions{
		EnabledSignModes: authtx.DefaultSignModes,
		SigningOptions:   &txsigning.Options{AddressCodec: accountCodec, ValidatorAddressCodec: validatorCodec},
	})
	require.NoError(t, err)

	home := t.TempDir()
	kr, err := keyring.New(sdk.KeyringServiceName(), keyring.BackendMemory, home, nil, cdc)
	require.NoError(t, err)
	record, _, err := kr.NewMnemonic("hanako", keyring.English, sdk.FullFundraiserPath, keyring.DefaultBIP39Passphrase, hd.Secp256k1)
	require.NoError(t, err)
	addrBz, err := record.GetAddress()
	require.NoError(t, err)
	addr, err := accountCodec.BytesToString(addrBz)
	require.NoError(t, err)

	clientCtx := client.Context{}.
		WithKeyring(kr).
		WithKeyringDir(home).
		WithHomeDir(home).
		WithViper("").
		WithCodec(cdc).
		WithInterfaceRegistry(registry).
		WithTxConfig(txConfig).
		WithAccountRetriever(client.MockAccountRetriever{}).
		WithChainID("kizuna-test")
	return clientCtx, addr
}

// runTx runs `tx messaging <args> --from hanako --generate-only` and returns the
// single Msg of the generated transaction.
func runTx(t *testing.T, args ...string) (map[string]any, string) {
	t.Helper()
	clientCtx, signer := txEnv(t)
	b := newCLIBuilder(t, &recordingConn{})
	cmd := txCmd(t, b, clientCtx)
	out := &bytes.Buffer{}
	cmd.SetArgs(append(args, "--from", "hanako", "--generate-only", "--output", "json"))
	cmd.SetOut(out)
	require.NoError(t, cmd.Execute())

	var tx struct {
		Body struct {
			Messages []map[string]any `json:"messages"`
		} `json:"body"`
	}
	require.NoError(t, json.Unmarshal(out.Bytes(), &tx), out.String())
	require.Len(t, tx.Body.Messages, 1)
	return tx.Body.Messages[0], signer
}

// txCmd returns the module's tx command as the node builds it: the custom
// command of GetTxCmd, enhanced by AutoCLI.
func txCmd(t *testing.T, b *autocli.Builder, clientCtx client.Context) *cobra.Command {
	t.Helper()
	cmd := messaging.AppModule{}.GetTxCmd()
	cmd.SetContext(context.WithValue(context.Background(), client.ClientContextKey, &clientCtx))
	opts := messaging.AppModule{}.AutoCLIOptions().Tx
	require.True(t, opts.EnhanceCustomCommand)
	require.NoError(t, b.AddMsgServiceCommands(cmd, opts))
	return cmd
}

func TestCLI_QueriesParsePositionalArgs(t *testing.T) {
	member, err := accountCodec.BytesToString(make([]byte, 20))
	require.NoError(t, err)

	method, req := runQuery(t, "thread", "3")
	require.Equal(t, "/kizuna.messaging.v1.Query/Thread", method)
	require.Equal(t, "3", req["id"])

	method, req = runQuery(t, "threads-of", member, "--community-id", "2", "--page-limit", "5")
	require.Equal(t, "/kizuna.messaging.v1.Query/ThreadsOf", method)
	require.Equal(t, member, req["member"])
	require.Equal(t, "2", req["communityId"])
	require.Equal(t, "5", req["pagination"].(map[string]any)["limit"])

	method, req = runQuery(t, "messages", "3", "--page-reverse")
	require.Equal(t, "/kizuna.messaging.v1.Query/Messages", method)
	require.Equal(t, "3", req["threadId"])
	require.Equal(t, true, req["pagination"].(map[string]any)["reverse"])

	method, req = runQuery(t, "unread-count", member)
	require.Equal(t, "/kizuna.messaging.v1.Query/UnreadCount", method)
	require.Equal(t, member, req["member"])

	method, req = runQuery(t, "invitations", member, "--community-id", "2")
	require.Equal(t, "/kizuna.messaging.v1.Query/Invitations", method)
	require.Equal(t, member, req["member"])
	require.Equal(t, "2", req["communityId"])

	method, _ = runQuery(t, "params")
	require.Equal(t, "/kizuna.messaging.v1.Query/Params", method)
}

func TestCLI_TxCommandsBuildTheirMsgs(t *testing.T) {
	a, err := accountCodec.BytesToString(bytes.Repeat([]byte{1}, 20))
	require.NoError(t, err)
	b, err := accountCodec.BytesToString(bytes.Repeat([]byte{2}, 20))
	require.NoError(t, err)

	msg, signer := runTx(t, "open-ad-thread", "3")
	require.Equal(t, "/kizuna.messaging.v1.MsgOpenAdThread", msg["@type"])
	require.Equal(t, signer, msg["requester"])
	require.Equal(t, "3", msg["ad_id"])

	msg, signer = runTx(t, "open-direct-thread", "1", a)
	require.Equal(t, "/kizuna.messaging.v1.MsgOpenDirectThread", msg["@type"])
	require.Equal(t, signer, msg["creator"])
	require.Equal(t, a, msg["peer"])

	msg, _ = runTx(t, "create-group", "1", "Garden crew", a, b)
	require.Equal(t, "/kizuna.messaging.v1.MsgCreateGroupThread", msg["@type"])
	require.Equal(t, "Garden crew", msg["title"])
	require.Equal(t, []any{a, b}, msg["members"])

	msg, signer = runTx(t, "update-group", "2", "Crew", a, b)
	require.Equal(t, "/kizuna.messaging.v1.MsgUpdateGroupThread", msg["@type"])
	require.Equal(t, signer, msg["updater"])
	require.Equal(t, "2", msg["thread_id"])
	require.Equal(t, []any{a, b}, msg["members"])

	msg, signer = runTx(t, "mark-read", "2", "7")
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
		{"post", "2", "hello"},
	} {
		msg, _ = runTx(t, append(args, "--community-id", "4")...)
		require.Equal(t, "4", msg["community_id"], args[0])
	}

	msg, signer = runTx(t, "accept-invite", "5")
	require.Equal(t, "/kizuna.messaging.v1.MsgAcceptGroupInvite", msg["@type"])
	require.Equal(t, signer, msg["invitee"])
	require.Equal(t, "5", msg["thread_id"])

	msg, signer = runTx(t, "decline-invite", "5")
	require.Equal(t, "/kizuna.messaging.v1.MsgDeclineGroupInvite", msg["@type"])
	require.Equal(t, signer, msg["invitee"])

	msg, signer = runTx(t, "post", "2", "hello")
	require.Equal(t, "/kizuna.messaging.v1.MsgPostMessage", msg["@type"])
	require.Equal(t, signer, msg["sender"])
	require.Equal(t, "2", msg["thread_id"])
	require.Equal(t, "aGVsbG8=", msg["payload"])
	sum := sha256.Sum256([]byte("hello"))
	require.Equal(t, base64.StdEncoding.EncodeToString(sum[:]), msg["content_sha256"], "the CLI hashes the payload")

	file := filepath.Join(t.TempDir(), "message.enc")
	require.NoError(t, os.WriteFile(file, []byte{0xff, 0x00}, 0o600))
	msg, _ = runTx(t, "post", "2", "@"+file)
	require.Equal(t, "/wA=", msg["payload"], "a file is sent byte for byte")
}

func TestCLI_UpdateParamsIsAProposal(t *testing.T) {
	clientCtx, _ := txEnv(t)
	cmd := txCmd(t, newCLIBuilder(t, &recordingConn{}), clientCtx)
	var names []string
	for _, c := range cmd.Commands() {
		names = append(names, c.Name())
	}
	require.ElementsMatch(t, []string{
		"open-ad-thread", "open-direct-thread", "create-group", "update-group", "post", "mark-read", "accept-invite",
		"decline-invite", "update-params-proposal",
	}, names)
}

func TestAminoJSONSigning_SignsEveryMsg(t *testing.T) {
	clientCtx, signer := txEnv(t)
	sum := sha256.Sum256([]byte("hi"))
	msgs := []sdk.Msg{
		&types.MsgOpenAdThread{Requester: signer, AdId: 1},
		&types.MsgOpenDirectThread{Creator: signer, CommunityId: 1, Peer: signer},
		&types.MsgCreateGroupThread{Creator: signer, CommunityId: 1, Members: []string{signer}, Title: "Crew"},
		&types.MsgUpdateGroupThread{Updater: signer, ThreadId: 1, Members: []string{signer}, Title: "Crew"},
		&types.MsgPostMessage{Sender: signer, ThreadId: 1, ContentSha256: sum[:], Payload: []byte("hi")},
		&types.MsgMarkRead{Member: signer, ThreadId: 1, Seq: 1, CommunityId: 1},
		&types.MsgAcceptGroupInvite{Invitee: signer, ThreadId: 1, CommunityId: 1},
		&types.MsgDeclineGroupInvite{Invitee: signer, ThreadId: 1},
		&types.MsgUpdateParams{Authority: signer, Params: types.DefaultParams()},
	}
	for _, msg := range msgs {
		builder := clientCtx.TxConfig.NewTxBuilder()
		require.NoError(t, builder.SetMsgs(msg))
		bz, err := authsigning.GetSignBytesAdapter(context.Background(), clientCtx.TxConfig.SignModeHandler(),
			signingtypes.SignMode_SIGN_MODE_LEGACY_AMINO_JSON,
			authsigning.SignerData{Address: signer, ChainID: "kizuna-test", AccountNumber: 1, Sequence: 2},
			builder.GetTx())
		require.NoError(t, err, "amino-json sign bytes of %s", sdk.MsgTypeURL(msg))
		sign := string(bz)
		require.Contains(t, sign, `"type":"kizuna/messaging/`+sdk.MsgTypeURL(msg)[len("/kizuna.messaging.v1."):]+`"`)
		if _, ok := msg.(*types.MsgUpdateParams); ok {
			require.Contains(t, sign, `"max_payload_bytes":4096`, "nested messages are signed in full")
		}
	}
}
