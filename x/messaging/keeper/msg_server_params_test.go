package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

func newMsgUpdateParams(authority string, params types.Params) *types.MsgUpdateParams {
	return &types.MsgUpdateParams{Authority: authority, Params: params}
}

func TestUpdateParams_OnlyTheAuthoritySetsValidParams(t *testing.T) {
	f := newFixture(t)
	valid, invalid := types.DefaultParams(), types.DefaultParams()
	valid.MaxPayloadBytes, invalid.MinGroupMembers = 1024, 1
	statetest.NewParamsUpdater(f.ctx, f.keeper, f.msgs.UpdateParams, newMsgUpdateParams, f.requireRejected).
		RequireAuthorityOnly(t, valid, invalid, types.ErrInvalidParams, &types.EventParamsUpdated{})

	got, err := f.query.Params(f.ctx, &types.QueryParamsRequest{})
	require.NoError(t, err)
	require.Equal(t, valid, got.Params, "the Params query answers the stored params")
}
