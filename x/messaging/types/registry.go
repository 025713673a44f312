package types

import "github.com/kizuna-chain/kizuna/internal/protoreg"

// types.proto registers first: see protoreg.
var _ = protoreg.RegisterFirst("kizuna/messaging/v1/types.proto", &Thread{})

// Enum names are accepted in REST query parameters: see protoreg.
func init() {
	protoreg.RegisterGatewayEnum("kizuna.messaging.v1.ThreadKind", ThreadKind_name, ThreadKind_value)
}
