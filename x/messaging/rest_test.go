package messaging_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/conformance"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
)

func TestREST_AnswersWithTheThreadsState(t *testing.T) {
	m, fx := newModule(t)
	bob := keepertest.Addr("bob")
	seedThreads(t, fx)
	get := conformance.NewREST(t, m).Get

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
