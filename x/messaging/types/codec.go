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
	legacy.RegisterAminoMsg(cdc, &MsgOpenAdThread{}, "kizuna/messaging/MsgOpenAdThread")
	legacy.RegisterAminoMsg(cdc, &MsgOpenDirectThread{}, "kizuna/messaging/MsgOpenDirectThread")
	legacy.RegisterAminoMsg(cdc, &MsgCreateGroupThread{}, "kizuna/messaging/MsgCreateGroupThread")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateGroupThread{}, "kizuna/messaging/MsgUpdateGroupThread")
	legacy.RegisterAminoMsg(cdc, &MsgPostMessage{}, "kizuna/messaging/MsgPostMessage")
	legacy.RegisterAminoMsg(cdc, &MsgMarkRead{}, "kizuna/messaging/MsgMarkRead")
	legacy.RegisterAminoMsg(cdc, &MsgAcceptGroupInvite{}, "kizuna/messaging/MsgAcceptGroupInvite")
	legacy.RegisterAminoMsg(cdc, &MsgDeclineGroupInvite{}, "kizuna/messaging/MsgDeclineGroupInvite")
	legacy.RegisterAminoMsg(cdc, &MsgSetMessagingKey{}, "kizuna/messaging/MsgSetMessagingKey")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "kizuna/messaging/MsgUpdateParams")

	cdc.RegisterConcrete(&Params{}, "kizuna/messaging/Params", nil)
}

// RegisterInterfaces registers the module's Msgs and its Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgOpenAdThread{},
		&MsgOpenDirectThread{},
		&MsgCreateGroupThread{},
		&MsgUpdateGroupThread{},
		&MsgPostMessage{},
		&MsgMarkRead{},
		&MsgAcceptGroupInvite{},
		&MsgDeclineGroupInvite{},
		&MsgSetMessagingKey{},
		&MsgUpdateParams{},
	)

	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
