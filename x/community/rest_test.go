package community_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	gateway "github.com/cosmos/gogogateway"
	"github.com/grpc-ecosystem/grpc-gateway/runtime"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"

	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/community/keeper"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

// directClient serves the gateway's gRPC calls from the query server at a
// fixed context, as the node does from its latest state.
type directClient struct {
	server types.QueryServer
	ctx    sdk.Context
}

var _ types.QueryClient = directClient{}

func (c directClient) Params(_ context.Context, in *types.QueryParamsRequest, _ ...grpc.CallOption) (*types.QueryParamsResponse, error) {
	return c.server.Params(c.ctx, in)
}

func (c directClient) Communities(_ context.Context, in *types.QueryCommunitiesRequest, _ ...grpc.CallOption) (*types.QueryCommunitiesResponse, error) {
	return c.server.Communities(c.ctx, in)
}

func (c directClient) Community(_ context.Context, in *types.QueryCommunityRequest, _ ...grpc.CallOption) (*types.QueryCommunityResponse, error) {
	return c.server.Community(c.ctx, in)
}

func (c directClient) Members(_ context.Context, in *types.QueryMembersRequest, _ ...grpc.CallOption) (*types.QueryMembersResponse, error) {
	return c.server.Members(c.ctx, in)
}

func (c directClient) Member(_ context.Context, in *types.QueryMemberRequest, _ ...grpc.CallOption) (*types.QueryMemberResponse, error) {
	return c.server.Member(c.ctx, in)
}

func (c directClient) CommunitiesOf(_ context.Context, in *types.QueryCommunitiesOfRequest, _ ...grpc.CallOption) (*types.QueryCommunitiesOfResponse, error) {
	return c.server.CommunitiesOf(c.ctx, in)
}

func (c directClient) SearchMembers(_ context.Context, in *types.QuerySearchMembersRequest, _ ...grpc.CallOption) (*types.QuerySearchMembersResponse, error) {
	return c.server.SearchMembers(c.ctx, in)
}

func TestREST_ServesEveryQueryRoute(t *testing.T) {
	k, ctx := keepertest.CommunityKeeper(t)
	msgs := keeper.NewMsgServerImpl(k)
	alice, err := k.AddressCodec().BytesToString(sdk.AccAddress("alice_______________"))
	require.NoError(t, err)
	bob, err := k.AddressCodec().BytesToString(sdk.AccAddress("bob_________________"))
	require.NoError(t, err)
	_, err = msgs.CreateCommunity(ctx, &types.MsgCreateCommunity{Creator: alice, Name: "Garden", JoinPolicy: types.JoinPolicyApproval, Username: "alice"})
	require.NoError(t, err)
	_, err = msgs.JoinCommunity(ctx, &types.MsgJoinCommunity{Member: bob, CommunityId: 1, Username: "bob", FirstName: "Alicia"})
	require.NoError(t, err)

	// The node's gateway marshals gogoproto messages this way.
	mux := runtime.NewServeMux(runtime.WithMarshalerOption(runtime.MIMEWildcard, &gateway.JSONPb{EmitDefaults: true, OrigName: true}))
	require.NoError(t, types.RegisterQueryHandlerClient(context.Background(), mux, directClient{keeper.NewQueryServerImpl(k), ctx}))

	get := func(path string) (int, map[string]any) {
		t.Helper()
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		var body map[string]any
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body), rec.Body.String())
		return rec.Code, body
	}

	code, body := get("/kizuna/community/v1/params")
	require.Equal(t, http.StatusOK, code)
	require.EqualValues(t, 64, body["params"].(map[string]any)["max_community_name_length"])

	code, body = get("/kizuna/community/v1/communities?pagination.limit=1")
	require.Equal(t, http.StatusOK, code)
	require.Len(t, body["communities"], 1)

	code, body = get("/kizuna/community/v1/communities/1")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, "JOIN_POLICY_APPROVAL", body["community"].(map[string]any)["join_policy"])

	code, _ = get("/kizuna/community/v1/communities/2")
	require.Equal(t, http.StatusNotFound, code)

	code, body = get("/kizuna/community/v1/communities/1/members?status=MEMBER_STATUS_PENDING")
	require.Equal(t, http.StatusOK, code, "enum names are accepted in query parameters")
	require.Len(t, body["members"], 1)
	code, body = get("/kizuna/community/v1/communities/1/members?role=ROLE_ADMIN&status=1")
	require.Equal(t, http.StatusOK, code, "and so are enum numbers")
	require.Len(t, body["members"], 1)

	code, body = get("/kizuna/community/v1/communities/1/members/" + bob)
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, "MEMBER_STATUS_PENDING", body["member"].(map[string]any)["status"])

	code, body = get("/kizuna/community/v1/accounts/" + bob + "/communities")
	require.Equal(t, http.StatusOK, code)
	require.Len(t, body["memberships"], 1)

	code, body = get("/kizuna/community/v1/communities/1/search?q=ALIC&pagination.limit=10")
	require.Equal(t, http.StatusOK, code)
	require.Len(t, body["members"], 1, "the pending request of Alicia is not searchable")

	code, _ = get("/kizuna/community/v1/communities/1/search")
	require.Equal(t, http.StatusBadRequest, code)

	code, _ = get("/kizuna/community/v1/communities/1/members/kizuna1nope")
	require.Equal(t, http.StatusBadRequest, code, "a malformed address is a bad request")
	code, _ = get("/kizuna/community/v1/accounts/kizuna1nope/communities")
	require.Equal(t, http.StatusBadRequest, code, "a malformed address is a bad request")
}
