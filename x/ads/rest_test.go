package ads_test

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

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/ads/keeper"
	"github.com/kizuna-chain/kizuna/x/ads/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
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

func (c directClient) Ads(_ context.Context, in *types.QueryAdsRequest, _ ...grpc.CallOption) (*types.QueryAdsResponse, error) {
	return c.server.Ads(c.ctx, in)
}

func (c directClient) Ad(_ context.Context, in *types.QueryAdRequest, _ ...grpc.CallOption) (*types.QueryAdResponse, error) {
	return c.server.Ad(c.ctx, in)
}

func (c directClient) AdsByOwner(_ context.Context, in *types.QueryAdsByOwnerRequest, _ ...grpc.CallOption) (*types.QueryAdsByOwnerResponse, error) {
	return c.server.AdsByOwner(c.ctx, in)
}

func TestREST_ServesEveryQueryRoute(t *testing.T) {
	k, ck, ctx := keepertest.AdsKeeper(t)
	communityMsgs := communitykeeper.NewMsgServerImpl(ck)
	msgs := keeper.NewMsgServerImpl(k)
	alice, err := k.AddressCodec().BytesToString(sdk.AccAddress("alice_______________"))
	require.NoError(t, err)
	bob, err := k.AddressCodec().BytesToString(sdk.AccAddress("bob_________________"))
	require.NoError(t, err)
	_, err = communityMsgs.CreateCommunity(ctx, &communitytypes.MsgCreateCommunity{Creator: alice, Name: "Garden", JoinPolicy: communitytypes.JoinPolicyOpen, Username: "alice"})
	require.NoError(t, err)
	_, err = communityMsgs.JoinCommunity(ctx, &communitytypes.MsgJoinCommunity{Member: bob, CommunityId: 1, Username: "bob"})
	require.NoError(t, err)
	for _, ad := range []*types.MsgCreateAd{
		{Owner: alice, CommunityId: 1, Type: types.AdTypeGive, Title: "Apples", Price: math.NewInt(20)},
		{Owner: alice, CommunityId: 1, Type: types.AdTypeWant, Title: "Ladder", Price: math.NewInt(5)},
		{Owner: bob, CommunityId: 1, Type: types.AdTypeGive, Title: "Pears", Price: math.ZeroInt()},
	} {
		_, err = msgs.CreateAd(ctx, ad)
		require.NoError(t, err)
	}
	_, err = msgs.CloseAd(ctx, &types.MsgCloseAd{Owner: bob, AdId: 3})
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
	adsOf := func(body map[string]any) []map[string]any {
		t.Helper()
		var out []map[string]any
		for _, v := range body["ads"].([]any) {
			out = append(out, v.(map[string]any))
		}
		return out
	}

	code, body := get("/kizuna/ads/v1/params")
	require.Equal(t, http.StatusOK, code)
	require.EqualValues(t, 100, body["params"].(map[string]any)["max_title_length"])

	code, body = get("/kizuna/ads/v1/communities/1/ads?type=AD_TYPE_GIVE&status=AD_STATUS_OPEN&viewer=" + bob)
	require.Equal(t, http.StatusOK, code, "enum names are accepted in query parameters")
	views := adsOf(body)
	require.Len(t, views, 1)
	require.Equal(t, "Apples", views[0]["ad"].(map[string]any)["title"])
	require.Equal(t, "20", views[0]["ad"].(map[string]any)["price"], "the price is a decimal string")
	require.Equal(t, true, views[0]["payable"])

	code, body = get("/kizuna/ads/v1/communities/1/ads?type=2&pagination.limit=1&pagination.count_total=true")
	require.Equal(t, http.StatusOK, code, "and so are enum numbers")
	require.Len(t, adsOf(body), 1)
	require.Equal(t, "2", body["pagination"].(map[string]any)["total"])

	code, body = get("/kizuna/ads/v1/communities/1/ads?owner=" + alice)
	require.Equal(t, http.StatusOK, code)
	require.Len(t, adsOf(body), 2)
	require.Equal(t, false, adsOf(body)[0]["payable"], "no viewer, nothing payable")

	code, _ = get("/kizuna/ads/v1/communities/9/ads")
	require.Equal(t, http.StatusNotFound, code)

	code, body = get("/kizuna/ads/v1/ads/2?viewer=" + alice)
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, "AD_TYPE_WANT", body["ad"].(map[string]any)["ad"].(map[string]any)["type"])
	require.Equal(t, true, body["ad"].(map[string]any)["payable"], "the owner pays for its WANT")

	code, body = get("/kizuna/ads/v1/ads/3")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, "AD_STATUS_CLOSED", body["ad"].(map[string]any)["ad"].(map[string]any)["status"])

	code, _ = get("/kizuna/ads/v1/ads/99")
	require.Equal(t, http.StatusNotFound, code)

	code, body = get("/kizuna/ads/v1/owners/" + bob + "/ads?viewer=" + alice)
	require.Equal(t, http.StatusOK, code)
	require.Len(t, adsOf(body), 1)
	require.Equal(t, false, adsOf(body)[0]["payable"], "a closed ad is not payable")

	code, _ = get("/kizuna/ads/v1/owners/" + bob + "/ads?viewer=nobody")
	require.Equal(t, http.StatusBadRequest, code)
}
