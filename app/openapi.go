package app

import (
	"io/fs"
	"net/http"

	"github.com/gorilla/mux"

	sdkdocs "github.com/cosmos/cosmos-sdk/client/docs"

	"github.com/kizuna-chain/kizuna/docs/openapi"
)

// RegisterOpenAPI serves the OpenAPI (swagger) documents of every REST route
// under /swagger/: Kizuna's modules (kizuna.swagger.json, generated from
// proto/) and the Cosmos SDK's (swagger.yaml), with Swagger UI to browse them.
func RegisterOpenAPI(rtr *mux.Router, enabled bool) error {
	if !enabled {
		return nil
	}
	sdkUI, err := fs.Sub(sdkdocs.SwaggerUI, "swagger-ui")
	if err != nil {
		return err
	}
	sdkFiles := http.FileServer(http.FS(sdkUI))

	rtr.Path("/swagger/").HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(openapi.IndexHTML)
	})
	rtr.Path("/swagger/" + openapi.KizunaFile).HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(openapi.Kizuna)
	})
	rtr.PathPrefix("/swagger/").Handler(http.StripPrefix("/swagger/", sdkFiles))
	return nil
}
