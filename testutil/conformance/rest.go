package conformance

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	cosmos_proto "github.com/cosmos/cosmos-proto"
	gateway "github.com/cosmos/gogogateway"
	gogogrpc "github.com/cosmos/gogoproto/grpc"
	"github.com/cosmos/gogoproto/proto"
	gwruntime "github.com/grpc-ecosystem/grpc-gateway/runtime"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"google.golang.org/genproto/googleapis/api/annotations"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	protov2 "google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"

	"github.com/cosmos/cosmos-sdk/baseapp"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// routerConn is a gRPC connection served by the query router at a fixed
// context, as the node serves its REST gateway from its latest state.
type routerConn struct {
	router *baseapp.GRPCQueryRouter
	ctx    sdk.Context
	last   string
}

func (c *routerConn) Invoke(_ context.Context, method string, args, reply any, _ ...grpc.CallOption) error {
	c.last = method
	handler := c.router.Route(method)
	if handler == nil {
		return status.Errorf(codes.Unimplemented, "no route for %s", method)
	}
	data, err := proto.Marshal(args.(proto.Message))
	if err != nil {
		return err
	}
	res, err := handler(c.ctx, &abci.RequestQuery{Path: method, Data: data})
	if err != nil {
		return err
	}
	return proto.Unmarshal(res.Value, reply.(proto.Message))
}

func (c *routerConn) NewStream(context.Context, *grpc.StreamDesc, string, ...grpc.CallOption) (grpc.ClientStream, error) {
	return nil, status.Error(codes.Unimplemented, "no streams")
}

// REST is the module's REST gateway, served from its query services at
// the module's context.
type REST struct {
	t    *testing.T
	mux  *gwruntime.ServeMux
	conn *routerConn
}

// NewREST returns the module's REST gateway over its query services at
// m.Ctx, marshalling as the node's gateway does.
func NewREST(t *testing.T, m Module) *REST {
	t.Helper()
	_, queryRouter, _, _ := routers(t, m.AppModule)
	conn := &routerConn{router: queryRouter, ctx: m.Ctx}
	mux := gwruntime.NewServeMux(gwruntime.WithMarshalerOption(gwruntime.MIMEWildcard, &gateway.JSONPb{EmitDefaults: true, OrigName: true}))
	require.NoError(t, m.Gateway(context.Background(), mux, conn))
	return &REST{t: t, mux: mux, conn: conn}
}

// Get sends GET path and returns the status code and the JSON body.
func (r *REST) Get(path string) (int, map[string]any) {
	r.t.Helper()
	rec := httptest.NewRecorder()
	r.mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	var body map[string]any
	require.NoError(r.t, json.Unmarshal(rec.Body.Bytes(), &body), rec.Body.String())
	return rec.Code, body
}

var pathParam = regexp.MustCompile(`\{([a-z0-9_.]+)(=[^}]*)?\}`)

// checkREST: every query method declares a GET route, and a GET on it
// reaches that method over gRPC and gets an answer (a response or an
// error of the module, never "unimplemented" or an internal error).
func checkREST(t *testing.T, m Module) {
	rest := NewREST(t, m)
	_, queryService := services(t, m.AppModule)
	methods := queryService.Methods()
	for i := range methods.Len() {
		method := methods.Get(i)
		full := "/" + string(queryService.FullName()) + "/" + string(method.Name())
		rule, ok := protov2.GetExtension(method.Options(), annotations.E_Http).(*annotations.HttpRule)
		if !assert.True(t, ok && rule.GetGet() != "", "%s has no GET route", full) {
			continue
		}
		path := pathParam.ReplaceAllStringFunc(rule.GetGet(), func(p string) string {
			return samplePathValue(t, method.Input(), pathParam.FindStringSubmatch(p)[1])
		})
		rest.conn.last = ""
		code, body := rest.Get(path)
		assert.Equal(t, full, rest.conn.last, "GET %s reaches %s", path, full)
		assert.NotContains(t, []int{http.StatusNotImplemented, http.StatusInternalServerError}, code, "GET %s: %v", path, body)
	}
}

// samplePathValue returns a value for a path parameter: an account address
// for address fields, 1 for numbers and enums, a word otherwise. The check
// needs the request to reach the query, not to succeed.
func samplePathValue(t *testing.T, input protoreflect.MessageDescriptor, name string) string {
	t.Helper()
	field := input.Fields().ByName(protoreflect.Name(name))
	require.NotNil(t, field, "path parameter %s is a field of %s", name, input.FullName())
	switch field.Kind() {
	case protoreflect.StringKind:
		if isAddressField(field) {
			_, addr := signerAddress(t)
			return addr
		}
		return "x"
	default:
		return "1"
	}
}

// isAddressField reports whether a string field holds an account address,
// by its cosmos.AddressString scalar.
func isAddressField(field protoreflect.FieldDescriptor) bool {
	scalar, _ := protov2.GetExtension(field.Options(), cosmos_proto.E_Scalar).(string)
	return scalar == "cosmos.AddressString"
}

// GatewayOf returns Module.Gateway from a module's generated
// RegisterQueryHandlerClient and NewQueryClient.
func GatewayOf[C any](register func(context.Context, *gwruntime.ServeMux, C) error, newClient func(gogogrpc.ClientConn) C) func(context.Context, *gwruntime.ServeMux, grpc.ClientConnInterface) error {
	return func(ctx context.Context, mux *gwruntime.ServeMux, conn grpc.ClientConnInterface) error {
		return register(ctx, mux, newClient(conn))
	}
}
