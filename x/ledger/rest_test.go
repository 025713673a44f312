package ledger_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	gateway "github.com/cosmos/gogogateway"
	"github.com/grpc-ecosystem/grpc-gateway/runtime"
	"github.com/stretchr/testify/require"
	"google.golang.org/grpc"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/keeper"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
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

func (c directClient) Currencies(_ context.Context, in *types.QueryCurrenciesRequest, _ ...grpc.CallOption) (*types.QueryCurrenciesResponse, error) {
	return c.server.Currencies(c.ctx, in)
}

func (c directClient) Currency(_ context.Context, in *types.QueryCurrencyRequest, _ ...grpc.CallOption) (*types.QueryCurrencyResponse, error) {
	return c.server.Currency(c.ctx, in)
}

func (c directClient) Contribution(_ context.Context, in *types.QueryContributionRequest, _ ...grpc.CallOption) (*types.QueryContributionResponse, error) {
	return c.server.Contribution(c.ctx, in)
}

func (c directClient) Contributions(_ context.Context, in *types.QueryContributionsRequest, _ ...grpc.CallOption) (*types.QueryContributionsResponse, error) {
	return c.server.Contributions(c.ctx, in)
}

func (c directClient) History(_ context.Context, in *types.QueryHistoryRequest, _ ...grpc.CallOption) (*types.QueryHistoryResponse, error) {
	return c.server.History(c.ctx, in)
}

func (c directClient) Treasury(_ context.Context, in *types.QueryTreasuryRequest, _ ...grpc.CallOption) (*types.QueryTreasuryResponse, error) {
	return c.server.Treasury(c.ctx, in)
}

func (c directClient) FeeAccount(_ context.Context, in *types.QueryFeeAccountRequest, _ ...grpc.CallOption) (*types.QueryFeeAccountResponse, error) {
	return c.server.FeeAccount(c.ctx, in)
}

func (c directClient) MonthlyCreated(_ context.Context, in *types.QueryMonthlyCreatedRequest, _ ...grpc.CallOption) (*types.QueryMonthlyCreatedResponse, error) {
	return c.server.MonthlyCreated(c.ctx, in)
}

func (c directClient) Invariants(_ context.Context, in *types.QueryInvariantsRequest, _ ...grpc.CallOption) (*types.QueryInvariantsResponse, error) {
	return c.server.Invariants(c.ctx, in)
}

func TestREST_ServesEveryQueryRoute(t *testing.T) {
	env := keepertest.LedgerKeeper(t)
	ctx := env.Ctx
	ac := env.Keeper.AddressCodec()
	alice, err := ac.BytesToString(sdk.AccAddress("alice_______________"))
	require.NoError(t, err)
	bob, err := ac.BytesToString(sdk.AccAddress("bob_________________"))
	require.NoError(t, err)
	community := communitykeeper.NewMsgServerImpl(env.Community)
	_, err = community.CreateCommunity(ctx, &communitytypes.MsgCreateCommunity{Creator: alice, Name: "Garden", JoinPolicy: communitytypes.JoinPolicyOpen, Username: "alice"})
	require.NoError(t, err)
	_, err = community.JoinCommunity(ctx, &communitytypes.MsgJoinCommunity{Member: bob, CommunityId: 1, Username: "bob"})
	require.NoError(t, err)
	msgs := keeper.NewMsgServerImpl(env.Keeper)
	_, err = msgs.CreateCurrency(ctx, &types.MsgCreateCurrency{Admin: alice, CommunityId: 1, Code: "GDD", Name: "Gradido", Decimals: 4, FeeBps: 100})
	require.NoError(t, err)
	_, err = msgs.Issue(ctx, &types.MsgIssue{Issuer: alice, CommunityId: 1, Recipient: bob, Amount: sdkmath.NewInt(500_000)})
	require.NoError(t, err)
	_, err = msgs.SubmitContribution(ctx, &types.MsgSubmitContribution{Contributor: bob, CommunityId: 1, Amount: sdkmath.NewInt(10_000), Memo: "garden work"})
	require.NoError(t, err)
	_, err = msgs.Transfer(ctx, &types.MsgTransfer{Sender: bob, CommunityId: 1, Recipient: alice, Amount: sdkmath.NewInt(100_000), ExpectedFeeBps: 100})
	require.NoError(t, err)

	// The node's gateway marshals gogoproto messages this way.
	mux := runtime.NewServeMux(runtime.WithMarshalerOption(runtime.MIMEWildcard, &gateway.JSONPb{EmitDefaults: true, OrigName: true}))
	require.NoError(t, types.RegisterQueryHandlerClient(context.Background(), mux, directClient{keeper.NewQueryServerImpl(env.Keeper), ctx}))

	get := func(path string) (int, map[string]any) {
		t.Helper()
		rec := httptest.NewRecorder()
		mux.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		var body map[string]any
		require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &body), rec.Body.String())
		return rec.Code, body
	}

	code, body := get("/kizuna/ledger/v1/params")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, "1000", body["params"].(map[string]any)["monthly_creation_cap"])

	code, body = get("/kizuna/ledger/v1/currencies")
	require.Equal(t, http.StatusOK, code)
	require.Len(t, body["currencies"], 1)

	code, body = get("/kizuna/ledger/v1/currencies/1")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, "cc/1/GDD", body["currency"].(map[string]any)["denom"])
	require.Equal(t, "ISSUANCE_POLICY_ADMIN_AND_CONTRIBUTION", body["currency"].(map[string]any)["issuance_policy"])
	require.Equal(t, "500000", body["supply"].(map[string]any)["amount"])
	code, _ = get("/kizuna/ledger/v1/currencies/2")
	require.Equal(t, http.StatusNotFound, code)

	code, body = get("/kizuna/ledger/v1/contributions/1")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, "CONTRIBUTION_STATUS_PENDING", body["contribution"].(map[string]any)["status"])
	code, _ = get("/kizuna/ledger/v1/contributions/2")
	require.Equal(t, http.StatusNotFound, code)

	code, body = get("/kizuna/ledger/v1/communities/1/contributions?status=CONTRIBUTION_STATUS_PENDING&contributor=" + bob)
	require.Equal(t, http.StatusOK, code, "enum names are accepted in query parameters")
	require.Len(t, body["contributions"], 1)
	code, body = get("/kizuna/ledger/v1/communities/1/contributions?status=2")
	require.Equal(t, http.StatusOK, code, "and so are enum numbers")
	require.Empty(t, body["contributions"])

	code, body = get("/kizuna/ledger/v1/accounts/" + bob + "/history?community_id=1&pagination.limit=2")
	require.Equal(t, http.StatusOK, code)
	entries := body["entries"].([]any)
	require.Len(t, entries, 2)
	require.Equal(t, "ENTRY_TYPE_FEE", entries[0].(map[string]any)["type"], "newest first")
	require.Equal(t, "1000", entries[0].(map[string]any)["amount"])
	require.Equal(t, "ENTRY_TYPE_SEND", entries[1].(map[string]any)["type"])
	code, body = get("/kizuna/ledger/v1/accounts/" + bob + "/history?denom=" + url.QueryEscape("cc/1/GDD"))
	require.Equal(t, http.StatusOK, code)
	require.Len(t, body["entries"], 3)
	code, _ = get("/kizuna/ledger/v1/accounts/" + bob + "/history")
	require.Equal(t, http.StatusBadRequest, code, "the currency must be named")

	code, body = get("/kizuna/ledger/v1/communities/1/treasury")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, "1000", body["balances"].([]any)[0].(map[string]any)["amount"])

	code, body = get("/kizuna/ledger/v1/communities/1/fee-account")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, "ukiz", body["balance"].(map[string]any)["denom"])
	require.NotEmpty(t, body["address"])

	code, body = get("/kizuna/ledger/v1/communities/1/members/" + bob + "/created?month=2025-04")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, "510000", body["created"])
	require.Equal(t, "10000000", body["cap"])

	code, body = get("/kizuna/ledger/v1/invariants")
	require.Equal(t, http.StatusOK, code)
	require.Empty(t, body["broken"])
	require.Len(t, body["checked"], 3)
}
