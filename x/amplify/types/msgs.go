package types

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// The module's Msgs. Their fields are checked by the Msg server, before any
// state is written.
var (
	_ sdk.Msg = &MsgSubmitAmplify{}
	_ sdk.Msg = &MsgLinkEthereumAddress{}
	_ sdk.Msg = &MsgDelegate{}
	_ sdk.Msg = &MsgRevokeDelegation{}
	_ sdk.Msg = &MsgUpdateParams{}
)

// SignedMessage returns the Kiwistand message the Msg carries.
func (m *MsgSubmitAmplify) SignedMessage() SignedMessage {
	return SignedMessage{
		Content: Content{
			Title:     m.Title,
			Href:      m.Href,
			Type:      m.Type,
			Timestamp: m.Timestamp,
		},
		Signature: m.Signature,
	}
}
