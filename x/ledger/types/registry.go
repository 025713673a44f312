package types

import "github.com/kizuna-chain/kizuna/internal/protoreg"

// types.proto registers first: see protoreg.
var _ = protoreg.RegisterFirst("kizuna/ledger/v1/types.proto", &Currency{})

// Enum names are accepted in REST query parameters: see protoreg.
func init() {
	protoreg.RegisterGatewayEnum("kizuna.ledger.v1.IssuancePolicy", IssuancePolicy_name, IssuancePolicy_value)
	protoreg.RegisterGatewayEnum("kizuna.ledger.v1.ContributionStatus", ContributionStatus_name, ContributionStatus_value)
	protoreg.RegisterGatewayEnum("kizuna.ledger.v1.EntryType", EntryType_name, EntryType_value)
	protoreg.RegisterGatewayEnum("kizuna.ledger.v1.PaymentRequestStatus", PaymentRequestStatus_name, PaymentRequestStatus_value)
	protoreg.RegisterGatewayEnum("kizuna.ledger.v1.BridgeDirection", BridgeDirection_name, BridgeDirection_value)
}
