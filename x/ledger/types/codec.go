package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	"github.com/cosmos/cosmos-sdk/codec/legacy"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the module's Msgs and Params under the
// amino names their proto files declare, for amino-JSON signing (Ledger).
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	legacy.RegisterAminoMsg(cdc, &MsgCreateCurrency{}, "kizuna/ledger/MsgCreateCurrency")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateCurrency{}, "kizuna/ledger/MsgUpdateCurrency")
	legacy.RegisterAminoMsg(cdc, &MsgIssue{}, "kizuna/ledger/MsgIssue")
	legacy.RegisterAminoMsg(cdc, &MsgSubmitContribution{}, "kizuna/ledger/MsgSubmitContribution")
	legacy.RegisterAminoMsg(cdc, &MsgConfirmContribution{}, "kizuna/ledger/MsgConfirmContribution")
	legacy.RegisterAminoMsg(cdc, &MsgDenyContribution{}, "kizuna/ledger/MsgDenyContribution")
	legacy.RegisterAminoMsg(cdc, &MsgDeleteContribution{}, "kizuna/ledger/MsgDeleteContribution")
	legacy.RegisterAminoMsg(cdc, &MsgTransfer{}, "kizuna/ledger/MsgTransfer")
	legacy.RegisterAminoMsg(cdc, &MsgFundFeeAccount{}, "kizuna/ledger/MsgFundFeeAccount")
	legacy.RegisterAminoMsg(cdc, &MsgSetFeeSponsorship{}, "kizuna/ledger/MsgSetFeeSponsorship")
	legacy.RegisterAminoMsg(cdc, &MsgSetAccountLimits{}, "kizuna/ledger/MsgSetAccountLimits")
	legacy.RegisterAminoMsg(cdc, &MsgRequestPayment{}, "kizuna/ledger/MsgRequestPayment")
	legacy.RegisterAminoMsg(cdc, &MsgAcceptPaymentRequest{}, "kizuna/ledger/MsgAcceptPaymentRequest")
	legacy.RegisterAminoMsg(cdc, &MsgRejectPaymentRequest{}, "kizuna/ledger/MsgRejectPaymentRequest")
	legacy.RegisterAminoMsg(cdc, &MsgCancelPaymentRequest{}, "kizuna/ledger/MsgCancelPaymentRequest")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "kizuna/ledger/MsgUpdateParams")

	cdc.RegisterConcrete(&Params{}, "kizuna/ledger/Params", nil)
}

// RegisterInterfaces registers the module's Msgs and its Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgCreateCurrency{},
		&MsgUpdateCurrency{},
		&MsgIssue{},
		&MsgSubmitContribution{},
		&MsgConfirmContribution{},
		&MsgDenyContribution{},
		&MsgDeleteContribution{},
		&MsgTransfer{},
		&MsgFundFeeAccount{},
		&MsgSetFeeSponsorship{},
		&MsgSetAccountLimits{},
		&MsgRequestPayment{},
		&MsgAcceptPaymentRequest{},
		&MsgRejectPaymentRequest{},
		&MsgCancelPaymentRequest{},
		&MsgUpdateParams{},
	)

	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
