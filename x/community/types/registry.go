package types

import "github.com/kizuna-chain/kizuna/internal/protoreg"

// types.proto registers first: see protoreg.
var _ = protoreg.RegisterFirst("kizuna/community/v1/types.proto", &Community{})

// Enum names are accepted in REST query parameters: see protoreg.
func init() {
	protoreg.RegisterGatewayEnum("kizuna.community.v1.JoinPolicy", JoinPolicy_name, JoinPolicy_value)
	protoreg.RegisterGatewayEnum("kizuna.community.v1.Role", Role_name, Role_value)
	protoreg.RegisterGatewayEnum("kizuna.community.v1.MemberStatus", MemberStatus_name, MemberStatus_value)
}
