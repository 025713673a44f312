package conformance

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	protov2 "google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	aminov1 "cosmossdk.io/api/amino"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// maxAminoNameLength is the length Ledger devices accept for an amino
// type name.
const maxAminoNameLength = 39

// checkMsgList: Module.Msgs lists exactly the Msgs of the Msg service, so
// that every other check covers every Msg.
func checkMsgList(t *testing.T, m Module) {
	msgService, _ := services(t, m.AppModule)
	var inService []string
	methods := msgService.Methods()
	for i := range methods.Len() {
		inService = append(inService, string(methods.Get(i).Input().FullName()))
	}
	var listed []string
	for _, msg := range m.Msgs("") {
		listed = append(listed, proto.MessageName(msg))
	}
	require.ElementsMatch(t, inService, listed)
}

// checkAminoNames: each Msg declares the amino name kizuna/<module>/<Msg>
// in its proto options, short enough for a Ledger, and the module
// registers the same name with the legacy amino codec.
func checkAminoNames(t *testing.T, m Module) {
	cdc := codec.NewLegacyAmino()
	m.AppModule.RegisterLegacyAminoCodec(cdc)
	for _, msg := range m.Msgs("") {
		name := proto.MessageName(msg)
		d, err := proto.HybridResolver.FindDescriptorByName(protoreflect.FullName(name))
		require.NoError(t, err)
		aminoName, ok := protov2.GetExtension(d.(protoreflect.MessageDescriptor).Options(), aminov1.E_Name).(string)
		require.True(t, ok)
		assert.Equal(t, "kizuna/"+m.AppModule.Name()+"/"+string(d.Name()), aminoName, "proto amino.name of %s", name)
		assert.LessOrEqual(t, len(aminoName), maxAminoNameLength, "Ledger devices refuse longer amino names: %s", aminoName)

		bz, err := cdc.MarshalJSON(msg)
		require.NoError(t, err)
		assert.Contains(t, string(bz), `"type":"`+aminoName+`"`, "legacy amino name of %s", name)
	}
}

// checkRoutes: every Msg resolves from its type URL, has a handler and
// names the signer from its signer field; every query method is routed.
func checkRoutes(t *testing.T, m Module) {
	msgRouter, queryRouter, cdc, registry := routers(t, m.AppModule)
	signer, signerStr := signerAddress(t)
	for _, msg := range m.Msgs(signerStr) {
		typeURL := sdk.MsgTypeURL(msg)
		assert.NotNil(t, msgRouter.HandlerByTypeURL(typeURL), "no route for %s", typeURL)
		resolved, err := registry.Resolve(typeURL)
		if assert.NoError(t, err, "resolve %s", typeURL) {
			assert.IsType(t, msg, resolved)
		}
		signers, _, err := cdc.GetMsgV1Signers(msg)
		if assert.NoError(t, err, "signers of %s", typeURL) {
			assert.Equal(t, [][]byte{signer}, signers, "signer of %s", typeURL)
		}
	}
	_, queryService := services(t, m.AppModule)
	methods := queryService.Methods()
	for i := range methods.Len() {
		route := "/" + string(queryService.FullName()) + "/" + string(methods.Get(i).Name())
		assert.NotNil(t, queryRouter.Route(route), "no route for %s", route)
	}
}

// msgName returns the Msg's short proto name (MsgCreateAd).
func msgName(msg sdk.Msg) string {
	name := proto.MessageName(msg)
	return name[strings.LastIndex(name, ".")+1:]
}

// Deliver routes msg through the Msg service router, as a transaction
// would, at m.Ctx and returns the handler's result.
func Deliver(t *testing.T, m Module, msg sdk.Msg) (*sdk.Result, error) {
	t.Helper()
	msgRouter, _, _, _ := routers(t, m.AppModule)
	handler := msgRouter.Handler(msg)
	require.NotNil(t, handler, "no route for %s", sdk.MsgTypeURL(msg))
	return handler(m.Ctx, msg)
}

// EventTypes returns the types of a result's events, in order.
func EventTypes(res *sdk.Result) []string {
	var out []string
	for _, e := range res.Events {
		out = append(out, e.Type)
	}
	return out
}

// checkEmptyRequests: every method of the module's query server refuses a
// nil request with InvalidArgument instead of panicking, as a gRPC client
// can send one.
func checkEmptyRequests(t *testing.T, m Module) {
	_, queryService := services(t, m.AppModule)
	server := reflect.ValueOf(m.QueryServer)
	methods := queryService.Methods()
	for i := range methods.Len() {
		name := string(methods.Get(i).Name())
		method := server.MethodByName(name)
		if !assert.True(t, method.IsValid(), "the query server has no method %s", name) {
			continue
		}
		out := method.Call([]reflect.Value{reflect.ValueOf(context.Context(m.Ctx)), reflect.Zero(method.Type().In(1))})
		err, _ := out[1].Interface().(error)
		assert.Equal(t, codes.InvalidArgument, status.Code(err), "%s with a nil request: %v", name, err)
	}
}
