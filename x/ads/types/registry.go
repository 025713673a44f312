package types

import "github.com/kizuna-chain/kizuna/internal/protoreg"

// types.proto registers first: see protoreg.
var _ = protoreg.RegisterFirst("kizuna/ads/v1/types.proto", &Ad{})

// Enum names are accepted in REST query parameters: see protoreg.
func init() {
	protoreg.RegisterGatewayEnum("kizuna.ads.v1.AdType", AdType_name, AdType_value)
	protoreg.RegisterGatewayEnum("kizuna.ads.v1.AdStatus", AdStatus_name, AdStatus_value)
}
