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

// NewMsgSubmitAmplify returns the Msg relaying a signed message.
func NewMsgSubmitAmplify(submitter string, sm SignedMessage) *MsgSubmitAmplify {
	return &MsgSubmitAmplify{
		Submitter: submitter,
		Title:     sm.Title,
		Href:      sm.Href,
		Type:      sm.Type,
		Timestamp: sm.Timestamp,
		Signature: sm.Signature,
	}
}

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
