package conformance

import (
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"github.com/iancoleman/strcase"
	"github.com/spf13/cobra"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/encoding/protojson"
	protov2 "google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"
	"cosmossdk.io/client/v2/autocli"
	"cosmossdk.io/client/v2/autocli/flag"

	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/client/flags"
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/crypto/hd"
	"github.com/cosmos/cosmos-sdk/crypto/keyring"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtx "github.com/cosmos/cosmos-sdk/x/auth/tx"
	txsigning "github.com/cosmos/cosmos-sdk/x/tx/signing"
)

// KeyName is the name of the key the CLI helpers sign with.
const KeyName = "hanako"

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
	return nil, status.Error(codes.Unimplemented, "no streams")
}

// cliBuilder returns the AutoCLI builder the node's CLI uses, its
// connection replaced by conn.
func cliBuilder(t *testing.T, conn grpc.ClientConnInterface) *autocli.Builder {
	t.Helper()
	// The node's CLI resolves descriptors from the merged registry, like this.
	files, err := proto.MergedRegistry()
	require.NoError(t, err)
	b := &autocli.Builder{
		Builder: flag.Builder{
			TypeResolver:          protoregistry.GlobalTypes,
			FileResolver:          files,
			AddressCodec:          AccountCodec,
			ValidatorAddressCodec: ValidatorCodec,
			ConsensusAddressCodec: ConsensusCodec,
		},
		GetClientConn:     func(*cobra.Command) (grpc.ClientConnInterface, error) { return conn, nil },
		AddQueryConnFlags: flags.AddQueryFlagsToCmd,
		AddTxConnFlags:    flags.AddTxFlagsToCmd,
	}
	require.NoError(t, b.ValidateAndComplete())
	return b
}

// queryCmd returns the module's query command as the node builds it.
func queryCmd(t *testing.T, am AppModule, conn grpc.ClientConnInterface) *cobra.Command {
	t.Helper()
	opts := am.AutoCLIOptions().Query
	cmd := &cobra.Command{Use: am.Name()}
	if custom, ok := am.(hasQueryCmd); ok && custom.GetQueryCmd() != nil {
		require.True(t, opts.EnhanceCustomCommand, "AutoCLI must enhance the hand-written query command of %s", am.Name())
		cmd = custom.GetQueryCmd()
	}
	cmd.SetContext(context.Background())
	require.NoError(t, cliBuilder(t, conn).AddQueryServiceCommands(cmd, opts))
	return cmd
}

// TxCmd returns the module's tx command as the node builds it: AutoCLI's
// commands, added to the module's hand-written GetTxCmd if it has one, in
// a client context that signs with KeyName.
func TxCmd(t *testing.T, am AppModule, env TxEnv) *cobra.Command {
	t.Helper()
	opts := am.AutoCLIOptions().Tx
	cmd := &cobra.Command{Use: am.Name()}
	if custom, ok := am.(hasTxCmd); ok && custom.GetTxCmd() != nil {
		require.True(t, opts.EnhanceCustomCommand, "AutoCLI must enhance the hand-written tx command of %s", am.Name())
		cmd = custom.GetTxCmd()
	}
	cmd.SetContext(context.WithValue(context.Background(), client.ClientContextKey, &env.Ctx))
	require.NoError(t, cliBuilder(t, &recordingConn{}).AddMsgServiceCommands(cmd, opts))
	return cmd
}

// Query runs `query <module> <args>` against a recording connection and
// returns the gRPC method called and its request in proto JSON (camelCase
// fields, 64-bit integers as strings).
func Query(t *testing.T, am AppModule, args ...string) (method string, req map[string]any) {
	t.Helper()
	conn := &recordingConn{}
	cmd := queryCmd(t, am, conn)
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	require.NoError(t, cmd.Execute())

	bz, err := protojson.Marshal(conn.req)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(bz, &req))
	return conn.method, req
}

// Tx runs `tx <module> <args> --from hanako --generate-only` and returns
// the single Msg of the generated transaction in JSON (proto field names)
// and the address it is signed by.
func Tx(t *testing.T, am AppModule, args ...string) (msg map[string]any, signer string) {
	t.Helper()
	out, signer, err := runTx(t, am, args...)
	require.NoError(t, err)
	var tx struct {
		Body struct {
			Messages []map[string]any `json:"messages"`
		} `json:"body"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &tx), out)
	require.Len(t, tx.Body.Messages, 1)
	return tx.Body.Messages[0], signer
}

// RunTx runs `tx <module> <args> --from hanako --generate-only` and returns
// what it printed, or the error it ended with.
func RunTx(t *testing.T, am AppModule, args ...string) (string, error) {
	t.Helper()
	out, _, err := runTx(t, am, args...)
	return out, err
}

func runTx(t *testing.T, am AppModule, args ...string) (string, string, error) {
	t.Helper()
	env := NewTxEnv(t, am)
	cmd := TxCmd(t, am, env)
	out := &bytes.Buffer{}
	cmd.SetArgs(append(args, "--from", KeyName, "--generate-only", "--output", "json"))
	cmd.SetOut(out)
	cmd.SetErr(&bytes.Buffer{})
	err := cmd.Execute()
	return out.String(), env.Signer, err
}

// TxEnv is a client context that generates transactions signed by
// KeyName, a key of an in-memory keyring.
type TxEnv struct {
	Ctx    client.Context
	Signer string
}

// NewTxEnv returns a client context whose codec knows the SDK's and the
// given modules' types. The key is derived from a fixed mnemonic, so
// every call names the same signer.
func NewTxEnv(t *testing.T, modules ...AppModule) TxEnv {
	t.Helper()
	registry := NewRegistry(t, modules...)
	cdc := codec.NewProtoCodec(registry)
	txConfig, err := authtx.NewTxConfigWithOptions(cdc, authtx.ConfigOptions{
		EnabledSignModes: authtx.DefaultSignModes,
		SigningOptions:   &txsigning.Options{AddressCodec: AccountCodec, ValidatorAddressCodec: ValidatorCodec},
	})
	require.NoError(t, err)

	home := t.TempDir()
	kr, err := keyring.New(sdk.KeyringServiceName(), keyring.BackendMemory, home, nil, cdc)
	require.NoError(t, err)
	record, err := kr.NewAccount(KeyName, testMnemonic, keyring.DefaultBIP39Passphrase, sdk.FullFundraiserPath, hd.Secp256k1)
	require.NoError(t, err)
	addr, err := record.GetAddress()
	require.NoError(t, err)
	signer, err := AccountCodec.BytesToString(addr)
	require.NoError(t, err)

	ctx := client.Context{}.
		WithKeyring(kr).
		WithKeyringDir(home).
		WithHomeDir(home).
		WithViper("").
		WithCodec(cdc).
		WithInterfaceRegistry(registry).
		WithTxConfig(txConfig).
		WithAccountRetriever(client.MockAccountRetriever{}).
		WithChainID(ChainID)
	return TxEnv{Ctx: ctx, Signer: signer}
}

// testMnemonic is the mnemonic of KeyName (BIP-39 test vector).
const testMnemonic = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about"

// commandName returns the name AutoCLI gives a method's command.
func commandName(method protoreflect.MethodDescriptor, opts *autocliv1.RpcCommandOptions) string {
	if opts != nil && opts.Use != "" {
		return strings.Fields(opts.Use)[0]
	}
	return strcase.ToKebab(string(method.Name()))
}

func rpcOptions(desc *autocliv1.ServiceCommandDescriptor) map[string]*autocliv1.RpcCommandOptions {
	out := map[string]*autocliv1.RpcCommandOptions{}
	for _, o := range desc.RpcCommandOptions {
		out[o.RpcMethod] = o
	}
	return out
}

// checkCLI: every Msg has a tx command (AutoCLI's, or hand-written ones
// named in Module.HandWritten), MsgUpdateParams only as a governance
// proposal; every query has a query command; and no command is left that
// no Msg or query accounts for.
func checkCLI(t *testing.T, m Module) {
	msgService, queryService := services(t, m.AppModule)
	opts := m.AppModule.AutoCLIOptions()

	var wantTx []string
	txOpts := rpcOptions(opts.Tx)
	methods := msgService.Methods()
	for i := range methods.Len() {
		method := methods.Get(i)
		o := txOpts[string(method.Name())]
		msg := string(method.Input().FullName())
		hand := m.HandWritten[msg]
		wantTx = append(wantTx, hand...)
		if o != nil && o.Skip {
			assert.NotEmpty(t, hand, "%s is skipped by AutoCLI and has no hand-written command", msg)
			continue
		}
		if method.Input().Name() == "MsgUpdateParams" {
			assert.True(t, o != nil && o.GovProposal, "%s is sent only as a governance proposal", msg)
		}
		wantTx = append(wantTx, commandName(method, o))
	}
	var gotTx []string
	for _, c := range TxCmd(t, m.AppModule, NewTxEnv(t, m.AppModule)).Commands() {
		gotTx = append(gotTx, c.Name())
	}
	assert.ElementsMatch(t, wantTx, gotTx, "tx commands")

	wantQuery := append([]string(nil), m.HandWrittenQueries...)
	queryOpts := rpcOptions(opts.Query)
	methods = queryService.Methods()
	for i := range methods.Len() {
		o := queryOpts[string(methods.Get(i).Name())]
		if assert.False(t, o != nil && o.Skip, "query %s has no command", methods.Get(i).FullName()) {
			wantQuery = append(wantQuery, commandName(methods.Get(i), o))
		}
	}
	var gotQuery []string
	for _, c := range queryCmd(t, m.AppModule, &recordingConn{}).Commands() {
		gotQuery = append(gotQuery, c.Name())
	}
	assert.ElementsMatch(t, wantQuery, gotQuery, "query commands")
}
