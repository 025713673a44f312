package ledger_test

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
	sdkmath "cosmossdk.io/math"

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
	"github.com/kizuna-chain/kizuna/x/ledger"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
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
	msg := reflect.New(typ.Elem()).Interface().(proto.Message)
	// Non-nullable Int fields of a zero value do not marshal; a node sends 0.
	if r, ok := msg.(*types.QueryMonthlyCreatedResponse); ok {
		r.Created, r.Cap, r.Remaining = sdkmath.ZeroInt(), sdkmath.ZeroInt(), sdkmath.ZeroInt()
	}
	bz, err := proto.Marshal(msg)
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

// runQuery runs `query ledger <args>` and returns the request sent.
func runQuery(t *testing.T, args ...string) (string, map[string]any) {
	t.Helper()
	conn := &recordingConn{}
	b := newCLIBuilder(t, conn)
	cmd := &cobra.Command{Use: types.ModuleName}
	cmd.SetContext(context.Background())
	require.NoError(t, b.AddQueryServiceCommands(cmd, ledger.AppModule{}.AutoCLIOptions().Query))
	cmd.SetArgs(args)
	cmd.SetOut(&bytes.Buffer{})
	require.NoError(t, cmd.Execute())

	bz, err := protojson.Marshal(conn.req)
	require.NoError(t, err)
	var req map[string]any
	require.NoError(t, json.Unmarshal(bz, &req))
	return conn.method, req
}

func TestCLI_QueriesParsePositionalArgsAndFlags(t *testing.T) {
	addr, err := accountCodec.BytesToString(make([]byte, 20))
	require.NoError(t, err)

	method, req := runQuery(t, "history", addr, "--community-id", "3", "--page-limit", "5")
	require.Equal(t, "/kizuna.ledger.v1.Query/History", method)
	require.Equal(t, addr, req["address"])
	require.Equal(t, "3", req["communityId"])
	require.Equal(t, "5", req["pagination"].(map[string]any)["limit"])

	_, req = runQuery(t, "history", addr, "--denom", "cc/1/GDD", "--page-reverse")
	require.Equal(t, "cc/1/GDD", req["denom"])
	require.Equal(t, true, req["pagination"].(map[string]any)["reverse"])

	method, req = runQuery(t, "contributions", "2", "--status", "pending", "--contributor", addr)
	require.Equal(t, "/kizuna.ledger.v1.Query/Contributions", method)
	require.Equal(t, "CONTRIBUTION_STATUS_PENDING", req["status"])
	require.Equal(t, addr, req["contributor"])

	method, req = runQuery(t, "monthly-created", "1", addr, "2025-03")
	require.Equal(t, "/kizuna.ledger.v1.Query/MonthlyCreated", method)
	require.Equal(t, "2025-03", req["month"])
	_, req = runQuery(t, "monthly-created", "1", addr)
	require.Nil(t, req["month"], "the month is optional")

	for args, want := range map[string][]string{
		"Params":       {"params"},
		"Currencies":   {"currencies"},
		"Currency":     {"currency", "1"},
		"Contribution": {"contribution", "4"},
		"Treasury":     {"treasury", "1"},
		"FeeAccount":   {"fee-account", "1"},
		"Invariants":   {"invariants"},
	} {
		method, _ = runQuery(t, want...)
		require.Equal(t, "/kizuna.ledger.v1.Query/"+args, method)
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
	ledger.AppModule{}.RegisterInterfaces(registry)
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

// runTx runs `tx ledger <args> --from taro --generate-only` and returns the
// single Msg of the generated transaction.
func runTx(t *testing.T, args ...string) (map[string]any, string) {
	t.Helper()
	clientCtx, signer := txEnv(t)
	b := newCLIBuilder(t, &recordingConn{})
	cmd := &cobra.Command{Use: types.ModuleName}
	cmd.SetContext(context.WithValue(context.Background(), client.ClientContextKey, &clientCtx))
	require.NoError(t, b.AddMsgServiceCommands(cmd, ledger.AppModule{}.AutoCLIOptions().Tx))
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
	member, err := accountCodec.BytesToString(make([]byte, 20))
	require.NoError(t, err)

	msg, signer := runTx(t, "create-currency", "1", "GDD", "Gradido", "4", "--issuance-policy", "contribution", "--fee-bps", "150")
	require.Equal(t, "/kizuna.ledger.v1.MsgCreateCurrency", msg["@type"])
	require.Equal(t, signer, msg["admin"])
	require.Equal(t, "1", msg["community_id"])
	require.Equal(t, "GDD", msg["code"])
	require.Equal(t, "Gradido", msg["name"])
	require.EqualValues(t, 4, msg["decimals"])
	require.Equal(t, "ISSUANCE_POLICY_CONTRIBUTION", msg["issuance_policy"])
	require.EqualValues(t, 150, msg["fee_bps"])

	msg, _ = runTx(t, "update-currency", "1", "--clear-fields", "fee", "--name", "Garden Gradido")
	require.Equal(t, []any{"fee"}, msg["clear_fields"])
	require.Equal(t, "Garden Gradido", msg["name"])

	msg, signer = runTx(t, "issue", "1", member, "125000", "member top-up", "--month", "2025-03")
	require.Equal(t, "/kizuna.ledger.v1.MsgIssue", msg["@type"])
	require.Equal(t, signer, msg["issuer"])
	require.Equal(t, member, msg["recipient"])
	require.Equal(t, "125000", msg["amount"])
	require.Equal(t, "member top-up", msg["memo"])
	require.Equal(t, "2025-03", msg["month"])
	msg, _ = runTx(t, "issue", "1", member, "5")
	require.Equal(t, "", msg["memo"], "the memo is optional")

	msg, signer = runTx(t, "submit-contribution", "1", "200000", "Garden work, 20 hours", "2025-02")
	require.Equal(t, signer, msg["contributor"])
	require.Equal(t, "200000", msg["amount"])
	require.Equal(t, "Garden work, 20 hours", msg["memo"])
	require.Equal(t, "2025-02", msg["month"])

	msg, signer = runTx(t, "transfer", "1", member, "50000", "--memo", "cake", "--ad-id", "7", "--expected-fee-bps", "100")
	require.Equal(t, "/kizuna.ledger.v1.MsgTransfer", msg["@type"])
	require.Equal(t, signer, msg["sender"])
	require.Equal(t, member, msg["recipient"])
	require.Equal(t, "50000", msg["amount"])
	require.Equal(t, "cake", msg["memo"])
	require.Equal(t, "7", msg["ad_id"])
	require.EqualValues(t, 100, msg["expected_fee_bps"])

	msg, _ = runTx(t, "fund-fee-account", "1", "10000000")
	require.Equal(t, "/kizuna.ledger.v1.MsgFundFeeAccount", msg["@type"])
	require.Equal(t, "10000000", msg["amount"])

	msg, _ = runTx(t, "deny-contribution", "4", "--reason", "not garden work")
	require.Equal(t, "4", msg["contribution_id"])
	require.Equal(t, "not garden work", msg["reason"])
	for _, cmd := range []string{"confirm-contribution", "delete-contribution"} {
		msg, signer = runTx(t, cmd, "4")
		require.Equal(t, "4", msg["contribution_id"])
		require.Contains(t, []any{msg["reviewer"], msg["contributor"]}, signer)
	}
}

// MsgUpdateParams is reachable only as a governance proposal.
func TestCLI_UpdateParamsIsAGovernanceProposal(t *testing.T) {
	clientCtx, _ := txEnv(t)
	b := newCLIBuilder(t, &recordingConn{})
	cmd := &cobra.Command{Use: types.ModuleName}
	cmd.SetContext(context.WithValue(context.Background(), client.ClientContextKey, &clientCtx))
	require.NoError(t, b.AddMsgServiceCommands(cmd, ledger.AppModule{}.AutoCLIOptions().Tx))
	var names []string
	for _, c := range cmd.Commands() {
		names = append(names, c.Name())
	}
	require.ElementsMatch(t, []string{
		"create-currency", "update-currency", "issue", "submit-contribution", "confirm-contribution",
		"deny-contribution", "delete-contribution", "transfer", "fund-fee-account", "set-fee-sponsorship",
		"update-params-proposal",
	}, names)
	for _, c := range cmd.Commands() {
		if c.Name() == "update-params-proposal" {
			require.NotNil(t, c.Flags().Lookup("deposit"), "a proposal command takes a deposit")
		}
	}
}

func TestAminoJSONSigning_SignsEveryMsg(t *testing.T) {
	clientCtx, signer := txEnv(t)
	amount := sdkmath.NewInt(125_000)
	msgs := []sdk.Msg{
		&types.MsgCreateCurrency{Admin: signer, CommunityId: 1, Code: "GDD", Name: "Gradido", Decimals: 4, IssuancePolicy: types.IssuancePolicyAdmin, FeeBps: 100},
		&types.MsgUpdateCurrency{Admin: signer, CommunityId: 1, ClearFields: []string{"fee"}},
		&types.MsgIssue{Issuer: signer, CommunityId: 1, Recipient: signer, Amount: amount, Memo: "AGE", Month: "2025-03"},
		&types.MsgSubmitContribution{Contributor: signer, CommunityId: 1, Amount: amount, Memo: "garden work"},
		&types.MsgConfirmContribution{Reviewer: signer, ContributionId: 4},
		&types.MsgDenyContribution{Reviewer: signer, ContributionId: 4, Reason: "no"},
		&types.MsgDeleteContribution{Contributor: signer, ContributionId: 4},
		&types.MsgTransfer{Sender: signer, CommunityId: 1, Recipient: signer, Amount: amount, AdId: 7, ExpectedFeeBps: 100},
		&types.MsgFundFeeAccount{Admin: signer, CommunityId: 1, Amount: amount},
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
		require.Contains(t, string(bz), `"type":"kizuna/ledger/`+sdk.MsgTypeURL(msg)[len("/kizuna.ledger.v1."):]+`"`)
		switch msg.(type) {
		case *types.MsgIssue, *types.MsgTransfer, *types.MsgFundFeeAccount, *types.MsgSubmitContribution:
			require.Contains(t, string(bz), `"amount":"125000"`, "amounts are signed as strings")
		case *types.MsgUpdateParams:
			require.Contains(t, string(bz), `"monthly_creation_cap":"1000"`, "nested messages are signed in full")
		}
	}
}
