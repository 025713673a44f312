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
	legacy.RegisterAminoMsg(cdc, &MsgCreateCommunity{}, "kizuna/community/MsgCreateCommunity")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateCommunity{}, "kizuna/community/MsgUpdateCommunity")
	legacy.RegisterAminoMsg(cdc, &MsgJoinCommunity{}, "kizuna/community/MsgJoinCommunity")
	legacy.RegisterAminoMsg(cdc, &MsgApproveMember{}, "kizuna/community/MsgApproveMember")
	legacy.RegisterAminoMsg(cdc, &MsgRejectMember{}, "kizuna/community/MsgRejectMember")
	legacy.RegisterAminoMsg(cdc, &MsgLeaveCommunity{}, "kizuna/community/MsgLeaveCommunity")
	legacy.RegisterAminoMsg(cdc, &MsgRemoveMember{}, "kizuna/community/MsgRemoveMember")
	legacy.RegisterAminoMsg(cdc, &MsgSetMemberRole{}, "kizuna/community/MsgSetMemberRole")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateProfile{}, "kizuna/community/MsgUpdateProfile")
	legacy.RegisterAminoMsg(cdc, &MsgUpdateParams{}, "kizuna/community/MsgUpdateParams")

	cdc.RegisterConcrete(&Params{}, "kizuna/community/Params", nil)
}

// RegisterInterfaces registers the module's Msgs and its Msg service.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgCreateCommunity{},
		&MsgUpdateCommunity{},
		&MsgJoinCommunity{},
		&MsgApproveMember{},
		&MsgRejectMember{},
		&MsgLeaveCommunity{},
		&MsgRemoveMember{},
		&MsgSetMemberRole{},
		&MsgUpdateProfile{},
		&MsgUpdateParams{},
	)

	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
