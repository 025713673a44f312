package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/x/community/types"
)

func TestUpdateParams_RejectsBadInput(t *testing.T) {
	f := newFixture(t)
	zeroScan := types.DefaultParams()
	zeroScan.MaxSearchScan = 0

	tests := []struct {
		name string
		msg  *types.MsgUpdateParams
		want error
	}{
		{"not the authority", &types.MsgUpdateParams{Authority: f.addr("alice"), Params: types.DefaultParams()}, sdkerrors.ErrUnauthorized},
		{"empty authority", &types.MsgUpdateParams{Params: types.DefaultParams()}, sdkerrors.ErrUnauthorized},
		{"invalid params", &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: zeroScan}, types.ErrInvalidParams},
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
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "A long community name", types.JoinPolicyOpen)
	f.resetEvents()

	params := types.DefaultParams()
	params.MaxCommunityNameLength = 10
	params.MinUsernameLength = 5
	_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: params})
	require.NoError(t, err)
	require.Equal(t, []string{"kizuna.community.v1.EventParamsUpdated"}, f.eventTypes())
	got, err := f.keeper.GetParams(f.ctx)
	require.NoError(t, err)
	require.Equal(t, params, got)

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
