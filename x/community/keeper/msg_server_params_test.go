package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

func newMsgUpdateParams(authority string, params types.Params) *types.MsgUpdateParams {
	return &types.MsgUpdateParams{Authority: authority, Params: params}
}

func TestUpdateParams_OnlyTheAuthoritySetsValidParams(t *testing.T) {
	f := newFixture(t)
	valid, invalid := types.DefaultParams(), types.DefaultParams()
	valid.MaxSearchScan, invalid.MaxSearchScan = 500, 0
	statetest.NewParamsUpdater(f.ctx, f.keeper, f.msgs.UpdateParams, newMsgUpdateParams, f.requireRejected).
		RequireAuthorityOnly(t, valid, invalid, types.ErrInvalidParams, &types.EventParamsUpdated{})
}

func TestUpdateParams_NewLimitsApplyToLaterMsgs(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "A long community name", types.JoinPolicyOpen)
	params := types.DefaultParams()
	params.MaxCommunityNameLength = 10
	params.MinUsernameLength = 5
	_, err := f.msgs.UpdateParams(f.ctx, newMsgUpdateParams(f.keeper.GetAuthority(), params))
	require.NoError(t, err)

	f.requireRejected(t, types.ErrInvalidName, func() error {
		_, err := f.msgs.CreateCommunity(f.ctx, &types.MsgCreateCommunity{
			Creator: f.addr("bob"), Name: "Eleven char", JoinPolicy: types.JoinPolicyOpen, Username: "bobby",
		})
		return err
	})
	f.requireRejected(t, types.ErrInvalidUsername, func() error {
		_, err := f.msgs.JoinCommunity(f.ctx, &types.MsgJoinCommunity{Member: f.addr("bob"), CommunityId: id, Username: "bob"})
		return err
	})

	// Existing state above the new limits stays valid and editable.
	_, err = f.msgs.UpdateCommunity(f.ctx, &types.MsgUpdateCommunity{Admin: f.addr("alice"), CommunityId: id, Location: "Kobe"})
	require.NoError(t, err)
	require.NoError(t, f.export(t).Validate())
}
