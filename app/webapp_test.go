package app_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	dbm "github.com/cosmos/cosmos-db"
	"github.com/gorilla/mux"
	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/app"
)

func TestWebApp_SimulateRefusesWhatIsNotATransaction(t *testing.T) {
	a := newApp(t, dbm.NewMemDB(), "kizuna-test-1")
	startChain(t, a)
	rtr := mux.NewRouter()
	a.RegisterWebApp(rtr)

	post := func(body string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		rtr.ServeHTTP(rec, httptest.NewRequest(http.MethodPost, "/app/simulate", bytes.NewBufferString(body)))
		return rec
	}
	require.Equal(t, http.StatusBadRequest, post(`not json`).Code)
	require.Equal(t, http.StatusBadRequest, post(`{}`).Code)
	require.Equal(t, http.StatusBadRequest, post(`{"tx_bytes":"`+string(bytes.Repeat([]byte("A"), 300<<10))+`"}`).Code, "a body above the limit")

	// Bytes that decode as no transaction: the registered error, not a 500.
	rec := post(`{"tx_bytes":"AAEC"}`)
	require.Equal(t, http.StatusOK, rec.Code)
	var res app.SimulateResult
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &res))
	require.Equal(t, "sdk", res.Codespace)
	require.NotZero(t, res.Code)

	rec = httptest.NewRecorder()
	rtr.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/app/config.json", nil))
	require.Equal(t, http.StatusOK, rec.Code)
	require.JSONEq(t, `{"gas_price_floor":"0.001000000000000000","fee_denom":"ukiz"}`, rec.Body.String())

	rec = httptest.NewRecorder()
	rtr.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	require.Equal(t, http.StatusFound, rec.Code)
	require.Equal(t, "/app/", rec.Header().Get("Location"))
}
