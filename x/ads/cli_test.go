package ads_test

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
	"cosmossdk.io/math"

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
	"github.com/kizuna-chain/kizuna/x/ads"
	"github.com/kizuna-chain/kizuna/x/ads/types"
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

// runQuery runs `query ads <args>` and returns the request sent.
func runQuery(t *testing.T, args ...string) (string, map[string]any) {
	t.Helper()
	conn := &recordingConn{}
	b := newCLIBuilder(t, conn)
	cmd := &cobra.Command{Use: types.ModuleName}
	cmd.SetContext(context.Background())
	require.NoError(t, b.AddQueryServiceCommands(cmd, ads.AppModule{}.AutoCLIOptions().Query))
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
	owner, err := accountCodec.BytesToString(make([]byte, 20))
	require.NoError(t, err)
	viewer, err := accountCodec.BytesToString(bytes.Repeat([]byte{1}, 20))
	require.NoError(t, err)

	method, req := runQuery(t, "ads", "7", "--type", "give", "--status", "open", "--owner", owner, "--viewer", viewer, "--page-limit", "5")
	require.Equal(t, "/kizuna.ads.v1.Query/Ads", method)
	require.Equal(t, "7", req["communityId"])
	require.Equal(t, "AD_TYPE_GIVE", req["type"])
	require.Equal(t, "AD_STATUS_OPEN", req["status"])
	require.Equal(t, owner, req["owner"])
	require.Equal(t, viewer, req["viewer"])
	require.Equal(t, "5", req["pagination"].(map[string]any)["limit"])

	method, req = runQuery(t, "ads", "7", "--type", "want", "--status", "closed")
	require.Equal(t, "/kizuna.ads.v1.Query/Ads", method)
	require.Equal(t, "AD_TYPE_WANT", req["type"])
	require.Equal(t, "AD_STATUS_CLOSED", req["status"])

	method, req = runQuery(t, "ad", "3", "--viewer", viewer)
	require.Equal(t, "/kizuna.ads.v1.Query/Ad", method)
	require.Equal(t, "3", req["id"])
	require.Equal(t, viewer, req["viewer"])

	method, req = runQuery(t, "by-owner", owner, "--viewer", viewer)
	require.Equal(t, "/kizuna.ads.v1.Query/AdsByOwner", method)
	require.Equal(t, owner, req["owner"])
	require.Equal(t, viewer, req["viewer"])

	method, _ = runQuery(t, "params")
	require.Equal(t, "/kizuna.ads.v1.Query/Params", method)
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
	ads.AppModule{}.RegisterInterfaces(registry)
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

// runTx runs `tx ads <args> --from hanako --generate-only` and returns the
// single Msg of the generated transaction.
func runTx(t *testing.T, args ...string) (map[string]any, string) {
	t.Helper()
	clientCtx, signer := txEnv(t)
	b := newCLIBuilder(t, &recordingConn{})
	cmd := &cobra.Command{Use: types.ModuleName}
	cmd.SetContext(context.WithValue(context.Background(), client.ClientContextKey, &clientCtx))
	require.NoError(t, b.AddMsgServiceCommands(cmd, ads.AppModule{}.AutoCLIOptions().Tx))
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

func TestCLI_TxCommandsBuildTheirMsgs(t *testing.T) {
	digest := "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"
	msg, signer := runTx(t, "create", "1", "give", "Bicycle repair", "20",
		"--description", "Flat tyres", "--location", "Osaka", "--photo-uri", "ipfs://a", "--photo-sha256", digest, "--category", "repairs")
	require.Equal(t, "/kizuna.ads.v1.MsgCreateAd", msg["@type"])
	require.Equal(t, signer, msg["owner"])
	require.Equal(t, "1", msg["community_id"])
	require.Equal(t, "AD_TYPE_GIVE", msg["type"])
	require.Equal(t, "Bicycle repair", msg["title"])
	require.Equal(t, "20", msg["price"])
	require.Equal(t, "Flat tyres", msg["description"])
	require.Equal(t, "Osaka", msg["location"])
	require.Equal(t, "ipfs://a", msg["photo_uri"])
	require.Equal(t, "ABEiM0RVZneImaq7zN3u/wARIjNEVWZ3iJmqu8zd7v8=", msg["photo_sha256"], "the hex digest is decoded to 32 bytes")
	require.Equal(t, "repairs", msg["category"])

	msg, _ = runTx(t, "create", "1", "want", "Help moving", "0")
	require.Equal(t, "AD_TYPE_WANT", msg["type"])
	require.Equal(t, "0", msg["price"])

	msg, signer = runTx(t, "update", "3", "--price", "0", "--title", "Tune-up", "--clear-fields", "location,photo_uri")
	require.Equal(t, "/kizuna.ads.v1.MsgUpdateAd", msg["@type"])
	require.Equal(t, signer, msg["owner"])
	require.Equal(t, "3", msg["ad_id"])
	require.Equal(t, "0", msg["price"], "a price of 0 is sent")
	require.Equal(t, "Tune-up", msg["title"])
	require.Equal(t, []any{"location", "photo_uri"}, msg["clear_fields"])

	msg, _ = runTx(t, "update", "3", "--category", "food")
	require.Nil(t, msg["price"], "no --price keeps the price")

	msg, signer = runTx(t, "close", "3")
	require.Equal(t, "/kizuna.ads.v1.MsgCloseAd", msg["@type"])
	require.Equal(t, signer, msg["owner"])
	require.Equal(t, "3", msg["ad_id"])
}

func TestCLI_UpdateParamsIsGovernanceOnly(t *testing.T) {
	clientCtx, _ := txEnv(t)
	b := newCLIBuilder(t, &recordingConn{})
	cmd := &cobra.Command{Use: types.ModuleName}
	cmd.SetContext(context.WithValue(context.Background(), client.ClientContextKey, &clientCtx))
	require.NoError(t, b.AddMsgServiceCommands(cmd, ads.AppModule{}.AutoCLIOptions().Tx))
	var names []string
	for _, c := range cmd.Commands() {
		names = append(names, c.Name())
	}
	require.ElementsMatch(t, []string{"create", "update", "close"}, names)
}

func TestAminoJSONSigning_SignsEveryMsg(t *testing.T) {
	clientCtx, signer := txEnv(t)
	price := math.NewInt(25)
	msgs := []sdk.Msg{
		&types.MsgCreateAd{Owner: signer, CommunityId: 1, Type: types.AdTypeGive, Title: "Apples", Price: math.ZeroInt(), PhotoUri: "ipfs://a", PhotoSha256: make([]byte, 32)},
		&types.MsgUpdateAd{Owner: signer, AdId: 1, Price: &price, ClearFields: []string{"location"}},
		&types.MsgUpdateAd{Owner: signer, AdId: 1, Title: "Pears"},
		&types.MsgCloseAd{Owner: signer, AdId: 1},
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
		require.Contains(t, sign, `"type":"kizuna/ads/`+sdk.MsgTypeURL(msg)[len("/kizuna.ads.v1."):]+`"`)
		switch m := msg.(type) {
		case *types.MsgCreateAd:
			require.Contains(t, sign, `"price":"0"`, "a zero price is signed")
		case *types.MsgUpdateAd:
			if m.Price != nil {
				require.Contains(t, sign, `"price":"25"`)
			} else {
				require.NotContains(t, sign, `"price"`, "an unset price is not signed")
			}
		case *types.MsgUpdateParams:
			require.Contains(t, sign, `"max_category_length":64`, "nested messages are signed in full")
		}
	}
}
