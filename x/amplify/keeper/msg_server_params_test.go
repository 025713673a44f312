package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

func newMsgUpdateParams(authority string, params types.Params) *types.MsgUpdateParams {
	return &types.MsgUpdateParams{Authority: authority, Params: params}
}

func TestUpdateParams_OnlyTheAuthoritySetsValidParams(t *testing.T) {
	f := newFixture(t)
	valid, invalid := types.DefaultParams(), types.DefaultParams()
	valid.MaxListAmount, invalid.MaxListAmount = 50, 0
	statetest.NewParamsUpdater(f.ctx, f.keeper, f.msgs.UpdateParams, newMsgUpdateParams, f.requireRejected).
		RequireAuthorityOnly(t, valid, invalid, types.ErrInvalidParams, &types.EventParamsUpdated{})

	_, err := f.query.List(f.ctx, &types.QueryListRequest{Amount: 51})
	require.ErrorIs(t, err, types.ErrInvalidRequest, "the new list limit applies")
}
