package keeper

import (
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

// msgServer implements types.MsgServer. Each handler checks everything it
// can before its first write, so a rejected Msg leaves no trace; the handlers
// live in msg_server_<feature>.go.
type msgServer struct {
	Keeper
}

var _ types.MsgServer = msgServer{}

// NewMsgServerImpl returns the Msg server of the amplify module.
func NewMsgServerImpl(k Keeper) types.MsgServer {
	return msgServer{Keeper: k}
}
