package ledger_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/conformance"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
)

func TestREST_AnswersWithTheLedgerState(t *testing.T) {
	m, env := newModule(t)
	bob := keepertest.Addr("bob")
	seedLedger(t, env)
	get := conformance.NewREST(t, m).Get

	code, body := get("/kizuna/ledger/v1/params")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, "1000", body["params"].(map[string]any)["monthly_creation_cap"])

	code, body = get("/kizuna/ledger/v1/currencies")
	require.Equal(t, http.StatusOK, code)
	require.Len(t, body["currencies"], 2)

	code, body = get("/kizuna/ledger/v1/currencies/1")
	require.Equal(t, http.StatusOK, code)
	require.Equal(t, "cc/1/GDD", body["currency"].(map[string]any)["denom"])
	require.Equal(t, "ISSUANCE_POLICY_ADMIN_AND_CONTRIBUTION", body["currency"].(map[string]any)["issuance_policy"])
	require.Equal(t, "500000", body["supply"].(map[string]any)["amount"])
	code, _ = get("/kizuna/ledger/v1/currencies/3")
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
	require.Equal(t, "ENTRY_TYPE_SEND", entries[0].(map[string]any)["type"], "newest first")
	require.Equal(t, "1000", entries[0].(map[string]any)["fee"])
	require.Equal(t, "ENTRY_TYPE_CREATION", entries[1].(map[string]any)["type"])
	require.Equal(t, "0", entries[1].(map[string]any)["fee"])
	code, body = get("/kizuna/ledger/v1/accounts/" + bob + "/history?denom=" + url.QueryEscape("cc/1/GDD"))
	require.Equal(t, http.StatusOK, code)
	require.Len(t, body["entries"], 2)
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
	require.Len(t, body["checked"], len(env.Keeper.Invariants()))
}
