package community_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/conformance"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/community/keeper"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

func TestREST_AnswersWithTheCommunityState(t *testing.T) {
	m, k := newModule(t)
	alice, bob := keepertest.Addr("alice"), keepertest.Addr("bob")
	msgs := keeper.NewMsgServerImpl(k)
	_, err := msgs.CreateCommunity(m.Ctx, &types.MsgCreateCommunity{Creator: alice, Name: "Garden", JoinPolicy: types.JoinPolicyApproval, Username: "alice"})
	require.NoError(t, err)
	_, err = msgs.JoinCommunity(m.Ctx, &types.MsgJoinCommunity{Member: bob, CommunityId: 1, Username: "bob", FirstName: "Alicia"})
	require.NoError(t, err)
	get := conformance.NewREST(t, m).Get

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
