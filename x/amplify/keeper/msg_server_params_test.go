package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/x/amplify/types"
)

func TestUpdateParams_OnlyGovernanceWithValidParams(t *testing.T) {
	f := newFixture(t)
	f.requireRejected(t, sdkerrors.ErrUnauthorized, func() error {
		_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.addr("alice"), Params: types.DefaultParams()})
		return err
	})
	bad := types.DefaultParams()
	bad.MaxListAmount = 0
	f.requireRejected(t, types.ErrInvalidParams, func() error {
		_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: bad})
		return err
	})
	p := types.DefaultParams()
	p.MaxListAmount = 50
	_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.keeper.GetAuthority(), Params: p})
	require.NoError(t, err)
	_, err = f.query.List(f.ctx, &types.QueryListRequest{Amount: 51})
	require.ErrorIs(t, err, types.ErrInvalidRequest)
}
