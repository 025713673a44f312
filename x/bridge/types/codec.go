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
	legacy.RegisterAminoMsg(cdc, &MsgRegisterEthereumKey{}, "kizuna/bridge/MsgRegisterEthereumKey")
	legacy.RegisterAminoMsg(cdc, &MsgConfirmValset{}, "kizuna/bridge/MsgConfirmValset")
	legacy.RegisterAminoMsg(cdc, &MsgRegisterCurrencyToken{}, "kizuna/bridge/MsgRegisterCurrencyToken")
	legacy.RegisterAminoMsg(cdc, &MsgConfirmTokenDeployment{}, "kizuna/bridge/MsgConfirmTokenDeployment")
	legacy.RegisterAminoMsg(cdc, &MsgSendToEthereum{}, "kizuna/bridge/MsgSendToEthereum")
	legacy.RegisterAminoMsg(cdc, &MsgCancelSendToEthereum{}, "kizuna/bridge/MsgCancelSendToEthereum")
	legacy.RegisterAminoMsg(cdc, &MsgConfirmBatch{}, "kizuna/bridge/MsgConfirmBatch")
	legacy.RegisterAminoMsg(cdc, &MsgDepositClaim{}, "kizuna/bridge/MsgDepositClaim")
	legacy.RegisterAminoMsg(cdc, &MsgBatchExecutedClaim{}, "kizuna/bridge/MsgBatchExecutedClaim")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "kizuna/bridge/MsgUpdateParams")

	cdc.RegisterConcrete(&Params{}, "kizuna/bridge/Params", nil)
}

// RegisterInterfaces registers the module's Msgs and its Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgRegisterEthereumKey{},
		&MsgConfirmValset{},
		&MsgRegisterCurrencyToken{},
		&MsgConfirmTokenDeployment{},
		&MsgSendToEthereum{},
		&MsgCancelSendToEthereum{},
		&MsgConfirmBatch{},
		&MsgDepositClaim{},
		&MsgBatchExecutedClaim{},
		&MsgUpdateParams{},
	)

	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
