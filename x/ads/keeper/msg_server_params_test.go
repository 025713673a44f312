package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/ads/types"
)

func newMsgUpdateParams(authority string, params types.Params) *types.MsgUpdateParams {
	return &types.MsgUpdateParams{Authority: authority, Params: params}
}

func TestUpdateParams_OnlyTheAuthoritySetsValidParams(t *testing.T) {
	f := newFixture(t)
	valid, invalid := types.DefaultParams(), types.DefaultParams()
	valid.MaxTitleLength, invalid.MaxTitleLength = 50, 0
	statetest.NewParamsUpdater(f.ctx, f.keeper, f.msgs.UpdateParams, newMsgUpdateParams, f.requireRejected).
		RequireAuthorityOnly(t, valid, invalid, types.ErrInvalidParams, &types.EventParamsUpdated{})
}

func TestUpdateParams_NewLimitsApplyToLaterMsgs(t *testing.T) {
	m := newMarket(t)
	id := m.createAd(t, "bob", m.garden, types.AdTypeGive, "A rather long title", 1)
	params := types.DefaultParams()
	params.MaxTitleLength = 10
	params.MaxCategoryLength = 3
	_, err := m.msgs.UpdateParams(m.ctx, newMsgUpdateParams(m.keeper.GetAuthority(), params))
	require.NoError(t, err)

	m.requireRejected(t, types.ErrInvalidTitle, func() error {
		_, err := m.msgs.CreateAd(m.ctx, &types.MsgCreateAd{
			Owner: m.addr("bob"), CommunityId: m.garden, Type: types.AdTypeGive, Title: "Eleven char", Price: math.OneInt(),
		})
		return err
	})
	m.requireRejected(t, types.ErrInvalidCategory, func() error {
		_, err := m.msgs.UpdateAd(m.ctx, &types.MsgUpdateAd{Owner: m.addr("bob"), AdId: id, Category: "food"})
		return err
	})

	// Existing state above the new limits stays valid and editable.
	_, err = m.msgs.UpdateAd(m.ctx, &types.MsgUpdateAd{Owner: m.addr("bob"), AdId: id, Location: "Kobe"})
	require.NoError(t, err)
	require.NoError(t, m.export(t).Validate())
}
