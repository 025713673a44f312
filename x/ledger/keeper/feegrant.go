package keeper

import (
	"context"

	"cosmossdk.io/core/address"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/x/feegrant"
	feegrantkeeper "github.com/cosmos/cosmos-sdk/x/feegrant/keeper"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// FeegrantAdapter is the SDK's feegrant keeper with the RevokeAllowance
// method that types.FeegrantKeeper needs. The SDK keeper revokes only
// through its Msg server (its revokeAllowance is unexported), so the adapter
// calls the Msg server's RevokeAllowance: the same path as a user's
// MsgRevokeAllowance, which also drops the grant from the expiry queue and
// emits the revoke event.
type FeegrantAdapter struct {
	feegrantkeeper.Keeper

	msgs         feegrant.MsgServer
	addressCodec address.Codec
}

var _ types.FeegrantKeeper = FeegrantAdapter{}

// NewFeegrantAdapter wraps the app's feegrant keeper for the ledger keeper;
// addressCodec must be the account address codec of the app.
func NewFeegrantAdapter(k feegrantkeeper.Keeper, addressCodec address.Codec) FeegrantAdapter {
	if addressCodec == nil {
		panic("ledger feegrant adapter: nil address codec")
	}
	return FeegrantAdapter{Keeper: k, msgs: feegrantkeeper.NewMsgServerImpl(k), addressCodec: addressCodec}
}

// RevokeAllowance removes the allowance granter gives grantee.
func (a FeegrantAdapter) RevokeAllowance(ctx context.Context, granter, grantee sdk.AccAddress) error {
	granterStr, err := a.addressCodec.BytesToString(granter)
	if err != nil {
		return err
	}
	granteeStr, err := a.addressCodec.BytesToString(grantee)
	if err != nil {
		return err
	}
	_, err = a.msgs.RevokeAllowance(ctx, &feegrant.MsgRevokeAllowance{Granter: granterStr, Grantee: granteeStr})
	return err
}
