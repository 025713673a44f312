package types

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// The module's Msgs. Their fields are checked by the Msg server, before any
// state is written.
var (
	_ sdk.Msg = &MsgRegisterEthereumKey{}
	_ sdk.Msg = &MsgConfirmValset{}
	_ sdk.Msg = &MsgRegisterCurrencyToken{}
	_ sdk.Msg = &MsgConfirmTokenDeployment{}
	_ sdk.Msg = &MsgSendToEthereum{}
	_ sdk.Msg = &MsgCancelSendToEthereum{}
	_ sdk.Msg = &MsgConfirmBatch{}
	_ sdk.Msg = &MsgDepositClaim{}
	_ sdk.Msg = &MsgBatchExecutedClaim{}
	_ sdk.Msg = &MsgUpdateParams{}
)
