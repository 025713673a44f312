package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/contracts"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/bridge/keeper"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
)

// valsets returns every valset of the fixture.
func valsets(t *testing.T, fx keepertest.BridgeFixture) []types.Valset {
	t.Helper()
	res, err := keeper.NewQueryServerImpl(fx.Keeper).Valsets(fx.Ctx, &types.QueryValsetsRequest{})
	require.NoError(t, err)
	return res.Valsets
}

func TestEndBlock_NoValsetUntilKeysHoldMoreThanTwoThirds(t *testing.T) {
	fx := keepertest.BridgeKeeper(t)
	for _, name := range []string{"a", "b", "c"} {
		fx.Staking.SetValidator(t, name, 100, true)
	}
	fx.RegisterValidator(t, "d", 100) // 1/4
	require.NoError(t, fx.Keeper.EndBlock(fx.Ctx))
	require.Empty(t, valsets(t, fx))

	fx.RegisterValidator(t, "a", 100) // 2/4
	require.NoError(t, fx.Keeper.EndBlock(fx.Ctx))
	require.Empty(t, valsets(t, fx), "exactly half cannot sign")

	fx.RegisterValidator(t, "b", 100) // 3/4
	require.NoError(t, fx.Keeper.EndBlock(fx.Ctx))
	got := valsets(t, fx)
	require.Len(t, got, 1)
	require.Equal(t, types.FirstValsetNonce, got[0].Nonce)
	require.Len(t, got[0].Members, 3)
	require.NoError(t, got[0].Validate(), "the contract would accept it")
	for _, m := range got[0].Members {
		require.Equal(t, uint64(1<<30), m.Power, "a quarter of 2^32 each: the unregistered validator's share stays out")
	}
}

func TestEndBlock_NewValsetOnMembershipOrPowerChangeAboveThreshold(t *testing.T) {
	fx := keepertest.BridgeKeeper(t)
	for _, name := range []string{"a", "b", "c", "d"} {
		fx.RegisterValidator(t, name, 1000)
	}
	require.NoError(t, fx.Keeper.EndBlock(fx.Ctx))
	require.Len(t, valsets(t, fx), 1)

	// Again with nothing changed: no new valset.
	require.NoError(t, fx.Keeper.EndBlock(fx.Ctx))
	require.Len(t, valsets(t, fx), 1)

	// a gains 4 % of the total: 1000 → 1170 tokens of 4170 moves each
	// share by a little; the sum of changes stays under 5 %.
	fx.Staking.SetValidator(t, "a", 1080, true)
	require.NoError(t, fx.Keeper.EndBlock(fx.Ctx))
	require.Len(t, valsets(t, fx), 1, "a change under 5 % keeps the valset")

	// a doubles: the change passes 5 %.
	fx.Staking.SetValidator(t, "a", 2000, true)
	require.NoError(t, fx.Keeper.EndBlock(fx.Ctx))
	got := valsets(t, fx)
	require.Len(t, got, 2)
	require.Equal(t, uint64(2), got[1].Nonce)

	// A new member with a tiny share still makes a new valset.
	fx.RegisterValidator(t, "e", 1)
	require.NoError(t, fx.Keeper.EndBlock(fx.Ctx))
	got = valsets(t, fx)
	require.Len(t, got, 3)
	require.Len(t, got[2].Members, 5)
	require.Greater(t, got[2].Power(), contracts.PowerThreshold)
	require.LessOrEqual(t, got[2].Power(), contracts.PowerTotal)

	// An unbonded member leaves: a new valset without it.
	fx.Staking.SetValidator(t, "e", 1, false)
	require.NoError(t, fx.Keeper.EndBlock(fx.Ctx))
	got = valsets(t, fx)
	require.Len(t, got, 4)
	require.Len(t, got[3].Members, 4)
}

func TestConfirmValset_StoresAValidSignatureOnce(t *testing.T) {
	fx := keepertest.BridgeKeeper(t)
	for _, name := range []string{"a", "b", "c"} {
		fx.RegisterValidator(t, name, 100)
	}
	require.NoError(t, fx.Keeper.EndBlock(fx.Ctx))
	valset, err := fx.Keeper.GetValset(fx.Ctx, 1)
	require.NoError(t, err)
	checkpoint := valset.Checkpoint(types.BridgeID(keepertest.BridgeChainID))
	srv := keeper.NewMsgServerImpl(fx.Keeper)

	msg := &types.MsgConfirmValset{Orchestrator: keepertest.Addr("a-orch"), Nonce: 1, Signature: keepertest.EthSign(t, "a", checkpoint)}
	_, err = srv.ConfirmValset(fx.Ctx, msg)
	require.NoError(t, err)
	res, err := keeper.NewQueryServerImpl(fx.Keeper).ValsetConfirms(fx.Ctx, &types.QueryValsetConfirmsRequest{Nonce: 1})
	require.NoError(t, err)
	require.Len(t, res.Confirms, 1)
	require.Equal(t, keepertest.EthAddress(t, "a"), res.Confirms[0].EthereumAddress)

	snapshot := keepertest.StoreSnapshot(t, fx.Ctx, fx.StoreKey)
	cases := []struct {
		name string
		msg  *types.MsgConfirmValset
		want error
	}{
		{"twice", msg, types.ErrAlreadyConfirmed},
		{"not an orchestrator", &types.MsgConfirmValset{Orchestrator: keepertest.Addr("a"), Nonce: 1, Signature: msg.Signature}, types.ErrNotOrchestrator},
		{"unknown valset", &types.MsgConfirmValset{Orchestrator: keepertest.Addr("b-orch"), Nonce: 2, Signature: keepertest.EthSign(t, "b", checkpoint)}, types.ErrValsetNotFound},
		{"another validator's key", &types.MsgConfirmValset{Orchestrator: keepertest.Addr("b-orch"), Nonce: 1, Signature: keepertest.EthSign(t, "c", checkpoint)}, types.ErrInvalidSignature},
		{"another hash", &types.MsgConfirmValset{Orchestrator: keepertest.Addr("b-orch"), Nonce: 1, Signature: keepertest.EthSign(t, "b", types.RegistrationHash(types.BridgeID(keepertest.BridgeChainID), nil, nil))}, types.ErrInvalidSignature},
		{"malformed signature", &types.MsgConfirmValset{Orchestrator: keepertest.Addr("b-orch"), Nonce: 1, Signature: "0x1234"}, types.ErrInvalidSignature},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			keepertest.RequireRejected(t, fx.Ctx, snapshot, tc.want, func() error {
				_, err := srv.ConfirmValset(fx.Ctx, tc.msg)
				return err
			})
		})
	}
}
