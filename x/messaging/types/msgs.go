package types

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// The module's Msgs. Their fields are checked by the Msg server against the
// current params, before any state is written; there is no ValidateBasic
// because every limit is a param.
var (
	_ sdk.Msg = &MsgOpenAdThread{}
	_ sdk.Msg = &MsgOpenDirectThread{}
	_ sdk.Msg = &MsgCreateGroupThread{}
	_ sdk.Msg = &MsgUpdateGroupThread{}
	_ sdk.Msg = &MsgPostMessage{}
	_ sdk.Msg = &MsgMarkRead{}
	_ sdk.Msg = &MsgUpdateParams{}
)
