package amplify_test

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
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	txsigning "github.com/cosmos/cosmos-sdk/x/tx/signing"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/amplify"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
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
	amplify.AppModule{}.RegisterInterfaces(registry)
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

// runTx runs `tx amplify <args> --from hanako --generate-only` and returns the
// single Msg of the generated transaction.
func runTx(t *testing.T, args ...string) (map[string]any, string) {
	t.Helper()
	clientCtx, signer := txEnv(t)
	b := newCLIBuilder(t, &recordingConn{})
	cmd := &cobra.Command{Use: types.ModuleName}
	cmd.SetContext(context.WithValue(context.Background(), client.ClientContextKey, &clientCtx))
	require.NoError(t, b.AddMsgServiceCommands(cmd, amplify.AppModule{}.AutoCLIOptions().Tx))
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

func TestCLI_SubmitTakesAnOptionalCommunityID(t *testing.T) {
	sig := "0xbadacb3d6d7a6c72e74acca4bb29c126064b1632dd0323529c032e13846bf7a40cca5d786ae344b247bec5d859542cb801b94697ba52e6b440ab61df6b3ca7ea1c"
	msg, signer := runTx(t, "submit", "Hello Kiwi News", "https://example.com", "amplify", "1672527600", sig, "--community-id", "3")
	require.Equal(t, "/kizuna.amplify.v1.MsgSubmitAmplify", msg["@type"])
	require.Equal(t, signer, msg["submitter"])
	require.Equal(t, "3", msg["community_id"])
	require.Equal(t, sig, msg["signature"])

	msg, _ = runTx(t, "submit", "Hello Kiwi News", "https://example.com", "amplify", "1672527600", sig)
	require.Contains(t, []any{nil, "0"}, msg["community_id"], "no --community-id states no community")
}
