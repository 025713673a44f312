package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/x/ads/types"
)

func TestUpdateParams_RejectsBadInput(t *testing.T) {
	f := newFixture(t)
	zeroTitle := types.DefaultParams()
	zeroTitle.MaxTitleLength = 0

	tests := []struct {
		name string
		msg  *types.MsgUpdateParams
		want error
	}{
		{"not the authority", &types.MsgUpdateParams{Authority: f.addr("alice"), Params: types.DefaultParams()}, sdkerrors.ErrUnauthorized},
		{"empty authority", &types.MsgUpdateParams{Params: types.DefaultParams()}, sdkerrors.ErrUnauthorized},
		{"invalid params", &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: zeroTitle}, types.ErrInvalidParams},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.UpdateParams(f.ctx, tc.msg)
				return err
			})
		})
	}
}

func TestUpdateParams_NewLimitsApplyToLaterMsgs(t *testing.T) {
	m := newMarket(t)
	id := m.createAd(t, "bob", m.garden, types.AdTypeGive, "A rather long title", 1)
	m.resetEvents()

	params := types.DefaultParams()
	params.MaxTitleLength = 10
	params.MaxCategoryLength = 3
	_, err := m.msgs.UpdateParams(m.ctx, &types.MsgUpdateParams{Authority: m.keeper.GetAuthority(), Params: params})
	require.NoError(t, err)
	require.Equal(t, []string{"kizuna.ads.v1.EventParamsUpdated"}, m.eventTypes())
	got, err := m.keeper.GetParams(m.ctx)
	require.NoError(t, err)
	require.Equal(t, params, got)

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
