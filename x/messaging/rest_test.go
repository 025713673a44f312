package messaging_test

import (
	"context"
	"crypto/sha256"
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
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/messaging/keeper"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
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

func (c directClient) Thread(_ context.Context, in *types.QueryThreadRequest, _ ...grpc.CallOption) (*types.QueryThreadResponse, error) {
	return c.server.Thread(c.ctx, in)
}

func (c directClient) ThreadsOf(_ context.Context, in *types.QueryThreadsOfRequest, _ ...grpc.CallOption) (*types.QueryThreadsOfResponse, error) {
	return c.server.ThreadsOf(c.ctx, in)
}

func (c directClient) Messages(_ context.Context, in *types.QueryMessagesRequest, _ ...grpc.CallOption) (*types.QueryMessagesResponse, error) {
	return c.server.Messages(c.ctx, in)
}

func (c directClient) Invitations(_ context.Context, in *types.QueryInvitationsRequest, _ ...grpc.CallOption) (*types.QueryInvitationsResponse, error) {
	return c.server.Invitations(c.ctx, in)
}

func (c directClient) UnreadCount(_ context.Context, in *types.QueryUnreadCountRequest, _ ...grpc.CallOption) (*types.QueryUnreadCountResponse, error) {
	return c.server.UnreadCount(c.ctx, in)
}

func TestREST_ServesEveryQueryRoute(t *testing.T) {
	fx := keepertest.MessagingKeeper(t)
	k, ctx := fx.Keeper, fx.Ctx
	communityMsgs := communitykeeper.NewMsgServerImpl(fx.Community)
	msgs := keeper.NewMsgServerImpl(k)
	alice, err := k.AddressCodec().BytesToString(sdk.AccAddress("alice_______________"))
	require.NoError(t, err)
	bob, err := k.AddressCodec().BytesToString(sdk.AccAddress("bob_________________"))
	require.NoError(t, err)
	_, err = communityMsgs.CreateCommunity(ctx, &communitytypes.MsgCreateCommunity{Creator: alice, Name: "Garden", JoinPolicy: communitytypes.JoinPolicyOpen, Username: "alice"})
	require.NoError(t, err)
	_, err = communityMsgs.JoinCommunity(ctx, &communitytypes.MsgJoinCommunity{Member: bob, CommunityId: 1, Username: "bob"})
	require.NoError(t, err)
	_, err = msgs.OpenDirectThread(ctx, &types.MsgOpenDirectThread{Creator: alice, CommunityId: 1, Peer: bob})
	require.NoError(t, err)
	_, err = msgs.CreateGroupThread(ctx, &types.MsgCreateGroupThread{Creator: alice, CommunityId: 1, Members: []string{bob}, Title: "Crew"})
	require.NoError(t, err)
	for _, text := range []string{"hi", "there"} {
		sum := sha256.Sum256([]byte(text))
		_, err = msgs.PostMessage(ctx, &types.MsgPostMessage{Sender: alice, ThreadId: 1, ContentSha256: sum[:], Payload: []byte(text)})
		require.NoError(t, err)
	}

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

	code, body := get("/kizuna/messaging/v1/params")
	require.Equal(t, http.StatusOK, code)
	require.EqualValues(t, 4096, body["params"].(map[string]any)["max_payload_bytes"])

	code, body = get("/kizuna/messaging/v1/threads/1")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, "THREAD_KIND_DIRECT", body["thread"].(map[string]any)["kind"])
	require.Equal(t, "2", body["thread"].(map[string]any)["last_seq"])

	code, _ = get("/kizuna/messaging/v1/threads/9")
	require.Equal(t, http.StatusNotFound, code)

	code, body = get("/kizuna/messaging/v1/members/" + bob + "/threads?community_id=1")
	require.Equal(t, http.StatusOK, code)
	views := body["threads"].([]any)
	require.Len(t, views, 1)
	require.Equal(t, "2", views[0].(map[string]any)["unread"])
	require.Equal(t, "2", views[0].(map[string]any)["last_message"].(map[string]any)["seq"])

	code, body = get("/kizuna/messaging/v1/threads/1/messages?pagination.reverse=true&pagination.limit=1")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, "2", body["messages"].([]any)[0].(map[string]any)["seq"], "newest first")

	code, body = get("/kizuna/messaging/v1/members/" + bob + "/unread")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, "2", body["unread"])

	require.Equal(t, false, body["truncated"])

	code, body = get("/kizuna/messaging/v1/members/" + bob + "/invitations?community_id=1")
	require.Equal(t, http.StatusOK, code)
	require.Len(t, body["invitations"].([]any), 1)
	require.Equal(t, "2", body["invitations"].([]any)[0].(map[string]any)["thread_id"])

	code, body = get("/kizuna/messaging/v1/threads/2")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, []any{bob}, body["invited"])

	code, _ = get("/kizuna/messaging/v1/members/nobody/unread")
	require.Equal(t, http.StatusBadRequest, code)
}
