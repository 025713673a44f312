// Package conformance checks that a Kizuna module keeps the promises every
// module makes to wallets, apps and validators: every Msg is routed, has an
// amino name and signs in amino-JSON (Ledger, Keplr) and direct mode, and is
// reachable from the CLI; every query has a CLI command and a REST route,
// answers over gRPC and refuses an empty request; genesis exports and
// imports back identical.
//
// Run also checks that the module's proto files are registered whole (no
// placeholder types) and that the enums its queries take are registered
// for the REST gateway.
//
// A module's tests describe the module in a Module and call Run; the CLI,
// REST and signing helpers serve the module-specific tests beside it.
package conformance

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/cosmos/gogoproto/proto"
	gwruntime "github.com/grpc-ecosystem/grpc-gateway/runtime"
	"github.com/spf13/cobra"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"
	"google.golang.org/protobuf/reflect/protoreflect"

	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/cosmos/cosmos-sdk/baseapp"
	"github.com/cosmos/cosmos-sdk/client"
	"github.com/cosmos/cosmos-sdk/codec"
	addresscodec "github.com/cosmos/cosmos-sdk/codec/address"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/std"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/module"
	txsigning "github.com/cosmos/cosmos-sdk/x/tx/signing"
)

// Bech32AccountPrefix is the account address prefix of Kizuna.
const Bech32AccountPrefix = "kizuna"

// ChainID is the chain id the transactions built here are signed for.
const ChainID = "kizuna-test"

// The address codecs of Kizuna.
var (
	AccountCodec   = addresscodec.NewBech32Codec(Bech32AccountPrefix)
	ValidatorCodec = addresscodec.NewBech32Codec(Bech32AccountPrefix + "valoper")
	ConsensusCodec = addresscodec.NewBech32Codec(Bech32AccountPrefix + "valcons")
)

// AppModule is what the checks use of a module's AppModule.
type AppModule interface {
	Name() string
	RegisterLegacyAminoCodec(*codec.LegacyAmino)
	RegisterInterfaces(codectypes.InterfaceRegistry)
	RegisterServices(module.Configurator)
	AutoCLIOptions() *autocliv1.ModuleOptions
	DefaultGenesis(codec.JSONCodec) json.RawMessage
	ValidateGenesis(codec.JSONCodec, client.TxEncodingConfig, json.RawMessage) error
	InitGenesis(sdk.Context, codec.JSONCodec, json.RawMessage)
	ExportGenesis(sdk.Context, codec.JSONCodec) json.RawMessage
}

// hasTxCmd is a module with hand-written tx commands, which AutoCLI
// enhances with the commands it generates.
type hasTxCmd interface {
	GetTxCmd() *cobra.Command
}

// hasQueryCmd is a module with hand-written query commands, which AutoCLI
// enhances with the commands it generates.
type hasQueryCmd interface {
	GetQueryCmd() *cobra.Command
}

// Module describes a module to Run.
type Module struct {
	// AppModule is the module wired to a real keeper over Ctx's stores.
	AppModule AppModule
	// Ctx is a context over the module's stores; the genesis round trip
	// exports the state it holds.
	Ctx sdk.Context
	// Empty returns the module wired to fresh stores, to import an export
	// into; the state of the modules it depends on is copied there from
	// the given context, as the app imports them before it.
	Empty func(t *testing.T, from sdk.Context) (AppModule, sdk.Context)
	// Msgs returns one of each Msg of the module's Msg service, its signer
	// field set to signer and its other fields as a client would set them.
	Msgs func(signer string) []sdk.Msg
	// QueryServer is the module's query server (keeper.NewQueryServerImpl).
	QueryServer any
	// Gateway registers the module's REST routes over a gRPC connection:
	// the generated RegisterQueryHandlerClient with the module's client.
	Gateway func(context.Context, *gwruntime.ServeMux, grpc.ClientConnInterface) error
	// HandWritten names, by Msg full name, the commands of the module's
	// GetTxCmd that send the Msg (beside AutoCLI's command, or instead of
	// it where AutoCLI is told to skip the Msg).
	HandWritten map[string][]string
	// HandWrittenQueries names the commands of the module's GetQueryCmd,
	// which read queries in people's terms beside AutoCLI's commands.
	HandWrittenQueries []string
}

// Run runs every check on the module.
func Run(t *testing.T, m Module) {
	t.Helper()
	require.NotNil(t, m.AppModule, "Module.AppModule")
	require.NotNil(t, m.Msgs, "Module.Msgs")
	require.NotNil(t, m.Gateway, "Module.Gateway")
	require.NotNil(t, m.Empty, "Module.Empty")
	require.NotNil(t, m.QueryServer, "Module.QueryServer")
	t.Run("ProtoFilesLinkEveryType", func(t *testing.T) { checkProtoFiles(t, m) })
	t.Run("MsgsCoverTheMsgService", func(t *testing.T) { checkMsgList(t, m) })
	t.Run("MsgsHaveTheirAminoNames", func(t *testing.T) { checkAminoNames(t, m) })
	t.Run("MsgsAndQueriesAreRouted", func(t *testing.T) { checkRoutes(t, m) })
	t.Run("MsgsSignInBothModes", func(t *testing.T) { checkSigning(t, m) })
	t.Run("CLIReachesEveryMsgAndQuery", func(t *testing.T) { checkCLI(t, m) })
	t.Run("QueriesRefuseEmptyRequests", func(t *testing.T) { checkEmptyRequests(t, m) })
	t.Run("RESTServesEveryQuery", func(t *testing.T) { checkREST(t, m) })
	t.Run("GenesisRoundTrips", func(t *testing.T) { checkGenesis(t, m) })
}

// NewRegistry returns an interface registry that resolves and signs the
// Msgs of the SDK and of the given modules, as the node's does.
func NewRegistry(t *testing.T, modules ...AppModule) codectypes.InterfaceRegistry {
	t.Helper()
	registry, err := codectypes.NewInterfaceRegistryWithOptions(codectypes.InterfaceRegistryOptions{
		ProtoFiles:     proto.HybridResolver,
		SigningOptions: txsigning.Options{AddressCodec: AccountCodec, ValidatorAddressCodec: ValidatorCodec},
	})
	require.NoError(t, err)
	std.RegisterInterfaces(registry)
	for _, am := range modules {
		am.RegisterInterfaces(registry)
	}
	return registry
}

// routers returns the Msg and query routers with the module's services
// registered, and the codec they use.
func routers(t *testing.T, am AppModule) (*baseapp.MsgServiceRouter, *baseapp.GRPCQueryRouter, codec.Codec, codectypes.InterfaceRegistry) {
	t.Helper()
	registry := NewRegistry(t, am)
	cdc := codec.NewProtoCodec(registry)
	msgRouter := baseapp.NewMsgServiceRouter()
	msgRouter.SetInterfaceRegistry(registry)
	queryRouter := baseapp.NewGRPCQueryRouter()
	queryRouter.SetInterfaceRegistry(registry)
	cfg := module.NewConfigurator(cdc, msgRouter, queryRouter)
	am.RegisterServices(cfg)
	require.NoError(t, cfg.Error())
	return msgRouter, queryRouter, cdc, registry
}

// services returns the module's Msg and Query service descriptors, named by
// its AutoCLI options.
func services(t *testing.T, am AppModule) (msgService, queryService protoreflect.ServiceDescriptor) {
	t.Helper()
	opts := am.AutoCLIOptions()
	require.NotNil(t, opts.Tx, "AutoCLI options describe the Msg service")
	require.NotNil(t, opts.Query, "AutoCLI options describe the Query service")
	return serviceDescriptor(t, opts.Tx.Service), serviceDescriptor(t, opts.Query.Service)
}

func serviceDescriptor(t *testing.T, name string) protoreflect.ServiceDescriptor {
	t.Helper()
	d, err := proto.HybridResolver.FindDescriptorByName(protoreflect.FullName(name))
	require.NoError(t, err, "service %s", name)
	sd, ok := d.(protoreflect.ServiceDescriptor)
	require.True(t, ok, "%s is a service", name)
	return sd
}

// signerAddress is the address every Msg of the checks is signed by.
func signerAddress(t *testing.T) (sdk.AccAddress, string) {
	t.Helper()
	addr := sdk.AccAddress("signer______________")
	s, err := AccountCodec.BytesToString(addr)
	require.NoError(t, err)
	return addr, s
}
