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
	legacy.RegisterAminoMsg(cdc, &MsgSubmitAmplify{}, "kizuna/amplify/MsgSubmitAmplify")
	legacy.RegisterAminoMsg(cdc, &MsgLinkEthereumAddress{}, "kizuna/amplify/MsgLinkEthereumAddress")
	legacy.RegisterAminoMsg(cdc, &MsgDelegate{}, "kizuna/amplify/MsgDelegate")
	legacy.RegisterAminoMsg(cdc, &MsgRevokeDelegation{}, "kizuna/amplify/MsgRevokeDelegation")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "kizuna/amplify/MsgUpdateParams")

	cdc.RegisterConcrete(&Params{}, "kizuna/amplify/Params", nil)
}

// RegisterInterfaces registers the module's Msgs and its Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgSubmitAmplify{},
		&MsgLinkEthereumAddress{},
		&MsgDelegate{},
		&MsgRevokeDelegation{},
		&MsgUpdateParams{},
	)

	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
