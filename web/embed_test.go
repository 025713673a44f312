package web_test

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/web"
)

func get(t *testing.T, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec
}

func TestHandler_ServesTheBuildWithCacheRules(t *testing.T) {
	app := fstest.MapFS{
		"index.html":           {Data: []byte("<!doctype html><title>Kizuna</title>")},
		"assets/index-abc.js":  {Data: []byte("console.log(1)")},
		"assets/index-abc.css": {Data: []byte("body{}")},
	}
	h := web.Handler(app)

	rec := get(t, h, "/app/")
	require.Equal(t, http.StatusOK, rec.Code)
	require.Contains(t, rec.Body.String(), "<title>Kizuna</title>")
	require.Equal(t, "no-cache", rec.Header().Get("Cache-Control"))
	require.Contains(t, rec.Header().Get("Content-Security-Policy"), "script-src 'self'")

	rec = get(t, h, "/app/assets/index-abc.js")
	require.Equal(t, http.StatusOK, rec.Code)
	require.Contains(t, rec.Header().Get("Cache-Control"), "immutable")
	require.Equal(t, "nosniff", rec.Header().Get("X-Content-Type-Options"))

	require.Equal(t, http.StatusNotFound, get(t, h, "/app/wallet").Code)
	require.Equal(t, http.StatusNotFound, get(t, h, "/app/../go.mod").Code)
}

func TestHandler_WithoutABuildSaysHowToMakeOne(t *testing.T) {
	rec := get(t, web.Handler(nil), "/app/")
	require.Equal(t, http.StatusNotFound, rec.Code)
	require.Contains(t, rec.Body.String(), "make build")
}
