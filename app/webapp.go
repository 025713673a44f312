package app

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/gorilla/mux"

	errorsmod "cosmossdk.io/errors"

	"github.com/kizuna-chain/kizuna/web"
)

const (
	// maxSimulateBody bounds a simulation request: the app's transactions
	// are a few KiB (a sealed message is at most 4 KiB), base64-encoded.
	maxSimulateBody = 256 << 10
	// maxSimulations bounds the simulations running at once, so that a
	// public API port cannot be made to spend every core on them.
	maxSimulations = 2
	// simulateWait is how long a request waits for a free slot.
	simulateWait = 5 * time.Second
)

// RegisterWebApp serves the member web app embedded in kizunad at /app/,
// sends visitors of the API's root there, and adds the two things the app
// needs that the REST API lacks: the chain-wide gas price floor and a
// simulation that reports the registered error (codespace and code) of a
// transaction that would fail, so the app explains it in the member's
// language before anything is signed or paid.
func (app *App) RegisterWebApp(rtr *mux.Router) {
	toApp := http.RedirectHandler(web.Prefix, http.StatusFound)
	rtr.Path("/").Handler(toApp)
	rtr.Path(strings.TrimSuffix(web.Prefix, "/")).Handler(toApp)

	floor, err := json.Marshal(map[string]string{
		"gas_price_floor": MinGasPrice.Amount.String(),
		"fee_denom":       MinGasPrice.Denom,
	})
	if err != nil {
		panic(err)
	}
	rtr.Path(web.Prefix + "config.json").Methods(http.MethodGet).HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		writeJSON(w, http.StatusOK, json.RawMessage(floor))
	})
	slots := make(chan struct{}, maxSimulations)
	rtr.Path(web.Prefix + "simulate").Methods(http.MethodPost).HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case slots <- struct{}{}:
			defer func() { <-slots }()
		case <-time.After(simulateWait):
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"message": "the node is busy simulating: try again"})
			return
		case <-r.Context().Done():
			return
		}
		app.simulateForWebApp(w, r)
	})
	rtr.PathPrefix(web.Prefix).Handler(web.Handler(web.App()))
}

// SimulateResult is the answer of POST /app/simulate: the gas a transaction
// uses, or the registered error it fails with.
type SimulateResult struct {
	GasUsed   uint64 `json:"gas_used,string"`
	Codespace string `json:"codespace,omitempty"`
	Code      uint32 `json:"code,omitempty"`
	Log       string `json:"log,omitempty"`
}

// simulateForWebApp runs a transaction in simulation mode (signatures are not
// checked, nothing is written), as the gRPC Simulate service does.
func (app *App) simulateForWebApp(w http.ResponseWriter, r *http.Request) {
	var req struct {
		TxBytes []byte `json:"tx_bytes"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxSimulateBody)).Decode(&req); err != nil || len(req.TxBytes) == 0 {
		writeJSON(w, http.StatusBadRequest, map[string]string{"message": "the body is {\"tx_bytes\": \"<base64 transaction>\"}"})
		return
	}
	gas, _, err := app.Simulate(req.TxBytes)
	res := SimulateResult{GasUsed: gas.GasUsed}
	if err != nil {
		res.Codespace, res.Code, res.Log = errorsmod.ABCIInfo(err, false)
	}
	writeJSON(w, http.StatusOK, res)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
