package ads_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/conformance"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
)

func TestREST_AnswersWithTheAdsState(t *testing.T) {
	m, k, ck := newModule(t)
	seedAds(t, m.Ctx, k, ck)
	alice, bob := keepertest.Addr("alice"), keepertest.Addr("bob")
	get := conformance.NewREST(t, m).Get
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
