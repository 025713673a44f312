package cmd

import (
	serverconfig "github.com/cosmos/cosmos-sdk/server/config"

	"github.com/kizuna-chain/kizuna/app"
)

// initAppConfig returns app.toml's template and defaults: the chain's gas
// price floor as the node's minimum gas price, REST (with the OpenAPI
// document) and gRPC enabled on their standard ports, a gas limit on every
// query, and the tx index narrowed to the events apps search.
func initAppConfig() (string, any) {
	cfg := serverconfig.DefaultConfig()
	cfg.MinGasPrices = app.MinGasPrice.String()
	cfg.API.Enable = true
	cfg.API.Swagger = true
	cfg.API.Address = "tcp://0.0.0.0:1317"
	cfg.GRPC.Enable = true
	cfg.GRPC.Address = "0.0.0.0:9090"
	cfg.QueryGasLimit = app.QueryGasLimit
	cfg.IndexEvents = app.IndexedEvents
	return serverconfig.DefaultConfigTemplate, *cfg
}
