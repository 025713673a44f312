package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/bridge/keeper"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

func newMsgUpdateParams(authority string, params types.Params) *types.MsgUpdateParams {
	return &types.MsgUpdateParams{Authority: authority, Params: params}
}

func TestUpdateParams_OnlyTheAuthoritySetsValidParams(t *testing.T) {
	fx := keepertest.BridgeKeeper(t)
	valid, invalid := types.DefaultParams(), types.DefaultParams()
	valid.BatchTimeoutBlocks, invalid.MaxBatchTransfers = 100, 0
	requireRejected := func(t *testing.T, want error, run func() error) {
		t.Helper()
		keepertest.RequireRejected(t, fx.Ctx, keepertest.StoreSnapshot(t, fx.Ctx, fx.StoreKey), want, run)
	}
	statetest.NewParamsUpdater(fx.Ctx, fx.Keeper, keeper.NewMsgServerImpl(fx.Keeper).UpdateParams, newMsgUpdateParams, requireRejected).
		RequireAuthorityOnly(t, valid, invalid, types.ErrInvalidParams, &types.EventParamsUpdated{})
}

func TestUpdateParams_TheContractNeverChangesOnceSet(t *testing.T) {
	f := newBridge(t, nil)
	p, err := f.Keeper.GetParams(f.ctx)
	require.NoError(t, err)
	for name, change := range map[string]func(*types.Params){
		"another contract": func(p *types.Params) { p.ContractAddress = "0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238" },
		"another height":   func(p *types.Params) { p.ContractHeight++ },
		"no contract":      func(p *types.Params) { p.ContractAddress, p.ContractHeight = "", 0 },
	} {
		t.Run(name, func(t *testing.T) {
			changed := p
			change(&changed)
			keepertest.RequireRejected(t, f.ctx, keepertest.StoreSnapshot(t, f.ctx, f.StoreKey), types.ErrInvalidParams, func() error {
				_, err := f.msgs.UpdateParams(f.ctx, &types.MsgUpdateParams{Authority: f.Keeper.GetAuthority(), Params: changed})
				return err
			})
		})
	}
}
