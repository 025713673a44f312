package community_test

import (
	"bytes"
	"context"
	"encoding/json"
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
	"github.com/kizuna-chain/kizuna/x/community"
	"github.com/kizuna-chain/kizuna/x/community/types"
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

// runQuery runs `query community <args>` and returns the request sent.
func runQuery(t *testing.T, args ...string) (string, map[string]any) {
	t.Helper()
	conn := &recordingConn{}
	b := newCLIBuilder(t, conn)
	cmd := &cobra.Command{Use: types.ModuleName}
	cmd.SetContext(context.Background())
	require.NoError(t, b.AddQueryServiceCommands(cmd, community.AppModule{}.AutoCLIOptions().Query))
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	require.NoError(t, cmd.Execute())

	bz, err := protojson.Marshal(conn.req)
	require.NoError(t, err)
	var req map[string]any
	require.NoError(t, json.Unmarshal(bz, &req))
	return conn.method, req
}

func TestCLI_QueriesParsePositionalArgsAndEnums(t *testing.T) {
	method, req := runQuery(t, "search", "7", "ali", "--page-limit", "5")
	require.Equal(t, "/kizuna.community.v1.Query/SearchMembers", method)
	require.Equal(t, "7", req["communityId"])
	require.Equal(t, "ali", req["q"])
	require.Equal(t, "5", req["pagination"].(map[string]any)["limit"])

	method, req = runQuery(t, "members", "3", "--role", "admin", "--status", "pending")
	require.Equal(t, "/kizuna.community.v1.Query/Members", method)
	require.Equal(t, "ROLE_ADMIN", req["role"])
	require.Equal(t, "MEMBER_STATUS_PENDING", req["status"])

	addr, err := accountCodec.BytesToString(make([]byte, 20))
	require.NoError(t, err)
	method, req = runQuery(t, "member", "3", addr)
	require.Equal(t, "/kizuna.community.v1.Query/Member", method)
	require.Equal(t, addr, req["address"])

	for _, args := range [][]string{{"params"}, {"communities"}, {"community", "1"}, {"communities-of", addr}} {
		method, _ = runQuery(t, args...)
		require.Contains(t, method, "/kizuna.community.v1.Query/")
	}
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
	community.AppModule{}.RegisterInterfaces(registry)
	cdc := codec.NewProtoCodec(registry)
	txConfig, err := authtx.NewTxConfigWithOptions(cdc, authtx.ConfigOptions{
		EnabledSignModes: authtx.DefaultSignModes,
		SigningOptions:   &txsigning.Options{AddressCodec: accountCodec, ValidatorAddressCodec: validatorCodec},
	})
	require.NoError(t, err)

	home := t.TempDir()
	kr, err := keyring.New(sdk.KeyringServiceName(), keyring.BackendMemory, home, nil, cdc)
	require.NoError(t, err)
	record, _, err := kr.NewMnemonic("taro", keyring.English, sdk.FullFundraiserPath, keyring.DefaultBIP39Passphrase, hd.Secp256k1)
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

// runTx runs `tx community <args> --from taro --generate-only` and returns
// the single Msg of the generated transaction.
func runTx(t *testing.T, args ...string) (map[string]any, string) {
	t.Helper()
	clientCtx, signer := txEnv(t)
	b := newCLIBuilder(t, &recordingConn{})
	cmd := &cobra.Command{Use: types.ModuleName}
	cmd.SetContext(context.WithValue(context.Background(), client.ClientContextKey, &clientCtx))
	require.NoError(t, b.AddMsgServiceCommands(cmd, community.AppModule{}.AutoCLIOptions().Tx))
	out := &bytes.Buffer{}
	cmd.SetArgs(append(args, "--from", "taro", "--generate-only", "--output", "json"))
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

func TestCLI_TxCommandsBuildTheirMsgs(t *testing.T) {
	msg, signer := runTx(t, "create-community", "Kizuna Osaka", "taro", "approval", "--description", "Time bank", "--location", "Osaka")
	require.Equal(t, "/kizuna.community.v1.MsgCreateCommunity", msg["@type"])
	require.Equal(t, signer, msg["creator"])
	require.Equal(t, "Kizuna Osaka", msg["name"])
	require.Equal(t, "taro", msg["username"])
	require.Equal(t, "JOIN_POLICY_APPROVAL", msg["join_policy"])
	require.Equal(t, "Time bank", msg["description"])

	digest := "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
	msg, signer = runTx(t, "join", "1", "hanako", "--first-name", "Hanako", "--avatar-uri", "ipfs://a", "--avatar-sha256", digest)
	require.Equal(t, "/kizuna.community.v1.MsgJoinCommunity", msg["@type"])
	require.Equal(t, signer, msg["member"])
	require.Equal(t, "1", msg["community_id"])
	require.Equal(t, "Hanako", msg["first_name"])
	require.Equal(t, "ABEiM0RVZneImaq7zN3u/wARIjNEVWZ3iJmqu8zd7v8=", msg["avatar_sha256"], "the hex digest is decoded to 32 bytes")

	member, err := accountCodec.BytesToString(make([]byte, 20))
	require.NoError(t, err)
	msg, _ = runTx(t, "set-role", "1", member, "moderator")
	require.Equal(t, "ROLE_MODERATOR", msg["role"])
	require.Equal(t, member, msg["member"])

	msg, _ = runTx(t, "update-profile", "1", "--username", "hanako_s", "--clear-fields", "last_name,avatar_uri")
	require.Equal(t, "hanako_s", msg["username"])
	require.Equal(t, []any{"last_name", "avatar_uri"}, msg["clear_fields"])

	msg, _ = runTx(t, "update-community", "1", "--join-policy", "open", "--clear-fields", "location")
	require.Equal(t, "JOIN_POLICY_OPEN", msg["join_policy"])

	for _, args := range [][]string{
		{"approve", "1", member}, {"reject", "1", member}, {"leave", "1"}, {"remove-member", "1", member},
	} {
		msg, signer = runTx(t, args...)
		require.Contains(t, msg["@type"], "/kizuna.community.v1.Msg")
		require.Contains(t, []any{msg["reviewer"], msg["member"], msg["admin"]}, signer)
	}
}

// MsgUpdateParams is reachable only as a governance proposal.
func TestCLI_UpdateParamsIsAGovernanceProposal(t *testing.T) {
	clientCtx, _ := txEnv(t)
	b := newCLIBuilder(t, &recordingConn{})
	cmd := &cobra.Command{Use: types.ModuleName}
	cmd.SetContext(context.WithValue(context.Background(), client.ClientContextKey, &clientCtx))
	require.NoError(t, b.AddMsgServiceCommands(cmd, community.AppModule{}.AutoCLIOptions().Tx))
	var names []string
	for _, c := range cmd.Commands() {
		names = append(names, c.Name())
	}
	require.ElementsMatch(t, []string{
		"create-community", "update-community", "join", "approve", "reject", "leave",
		"remove-member", "set-role", "update-profile", "update-params-proposal",
	}, names)
	for _, c := range cmd.Commands() {
		if c.Name() == "update-params-proposal" {
			require.NotNil(t, c.Flags().Lookup("deposit"), "a proposal command takes a deposit")
		}
	}
}

func TestAminoJSONSigning_SignsEveryMsg(t *testing.T) {
	clientCtx, signer := txEnv(t)
	msgs := []sdk.Msg{
		&types.MsgCreateCommunity{Creator: signer, Name: "Garden", JoinPolicy: types.JoinPolicyApproval, Username: "taro"},
		&types.MsgUpdateCommunity{Admin: signer, CommunityId: 1, ClearFields: []string{"location"}},
		&types.MsgJoinCommunity{Member: signer, CommunityId: 1, Username: "taro", AvatarUri: "ipfs://a", AvatarSha256: make([]byte, 32)},
		&types.MsgApproveMember{Reviewer: signer, CommunityId: 1, Member: signer},
		&types.MsgRejectMember{Reviewer: signer, CommunityId: 1, Member: signer},
		&types.MsgLeaveCommunity{Member: signer, CommunityId: 1},
		&types.MsgRemoveMember{Admin: signer, CommunityId: 1, Member: signer},
		&types.MsgSetMemberRole{Admin: signer, CommunityId: 1, Member: signer, Role: types.RoleTeller},
		&types.MsgUpdateProfile{Member: signer, CommunityId: 1, FirstName: "Taro"},
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
		require.Contains(t, string(bz), `"type":"kizuna/community/`+sdk.MsgTypeURL(msg)[len("/kizuna.community.v1."):]+`"`)
		if _, ok := msg.(*types.MsgUpdateParams); ok {
			require.Contains(t, string(bz), `"max_search_scan":10000`, "nested messages are signed in full")
		}
	}
}
