package keeper_test

import (
	"testing"

	"github.com/ethereum/go-ethereum/common"
	"github.com/stretchr/testify/require"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/bridge/keeper"
	"github.com/kizuna-chain/kizuna/x/bridge/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

func TestRegisterCurrencyToken_NamesTheERC20FromTheBankMetadata(t *testing.T) {
	f := newBridge(t, nil)
	res, err := f.queries.Token(f.ctx, &types.QueryTokenRequest{Denom: gdd})
	require.NoError(t, err)
	require.Equal(t, types.BridgeToken{
		Denom: gdd, TokenContract: f.token.Hex(), Origin: types.TokenOriginKizuna,
		Name: "Garden dollar", Symbol: "GDD", Decimals: 4, Epoch: f.ctx.BlockTime(),
	}, res.Token)
	require.Equal(t, f.Keeper.DeployHash(f.ctx, res.Token).Hex(), res.DeployHash)

	byContract, err := f.queries.Token(f.ctx, &types.QueryTokenRequest{TokenContract: f.token.Hex()})
	require.NoError(t, err)
	require.Equal(t, res.Token, byContract.Token)
}

func TestRegisterCurrencyToken_RejectsNonAdminsAndASecondToken(t *testing.T) {
	f := newBridge(t, nil)
	snapshot := keepertest.StoreSnapshot(t, f.ctx, f.StoreKey)
	cases := []struct {
		name string
		msg  *types.MsgRegisterCurrencyToken
		want error
	}{
		{"a member", &types.MsgRegisterCurrencyToken{Admin: keepertest.Addr("bob"), CommunityId: garden}, types.ErrNotAdmin},
		{"an outsider", &types.MsgRegisterCurrencyToken{Admin: keepertest.Addr("mallory"), CommunityId: garden}, types.ErrNotAdmin},
		{"again", &types.MsgRegisterCurrencyToken{Admin: keepertest.Addr("alice"), CommunityId: garden}, types.ErrTokenRegistered},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			keepertest.RequireRejected(t, f.ctx, snapshot, tc.want, func() error {
				_, err := f.msgs.RegisterCurrencyToken(f.ctx, tc.msg)
				return err
			})
		})
	}
}

func TestRegisterCurrencyToken_WaitsForTheContract(t *testing.T) {
	fx := keepertest.BridgeKeeper(t)
	_, err := communitykeeper.NewMsgServerImpl(fx.Ledger.Community).CreateCommunity(fx.Ctx, &communitytypes.MsgCreateCommunity{
		Creator: keepertest.Addr("alice"), Name: "Garden", JoinPolicy: communitytypes.JoinPolicyOpen, Username: "alice",
	})
	require.NoError(t, err)
	snapshot := keepertest.StoreSnapshot(t, fx.Ctx, fx.StoreKey)
	keepertest.RequireRejected(t, fx.Ctx, snapshot, types.ErrBridgeNotReady, func() error {
		_, err := keeper.NewMsgServerImpl(fx.Keeper).RegisterCurrencyToken(fx.Ctx,
			&types.MsgRegisterCurrencyToken{Admin: keepertest.Addr("alice"), CommunityId: garden})
		return err
	})
}

func TestConfirmTokenDeployment_ChecksTheSignature(t *testing.T) {
	f := newBridge(t, nil)
	token, err := f.Keeper.TokenOfDenom(f.ctx, gdd)
	require.NoError(t, err)
	hash := f.Keeper.DeployHash(f.ctx, token)
	_, err = f.msgs.ConfirmTokenDeployment(f.ctx, &types.MsgConfirmTokenDeployment{
		Orchestrator: keepertest.Addr("val-a-orch"), Denom: gdd, Signature: keepertest.EthSign(t, "val-a", hash),
	})
	require.NoError(t, err)
	snapshot := keepertest.StoreSnapshot(t, f.ctx, f.StoreKey)
	keepertest.RequireRejected(t, f.ctx, snapshot, types.ErrInvalidSignature, func() error {
		_, err := f.msgs.ConfirmTokenDeployment(f.ctx, &types.MsgConfirmTokenDeployment{
			Orchestrator: keepertest.Addr("val-b-orch"), Denom: gdd, Signature: keepertest.EthSign(t, "val-a", hash),
		})
		return err
	})
	keepertest.RequireRejected(t, f.ctx, snapshot, types.ErrAlreadyConfirmed, func() error {
		_, err := f.msgs.ConfirmTokenDeployment(f.ctx, &types.MsgConfirmTokenDeployment{
			Orchestrator: keepertest.Addr("val-a-orch"), Denom: gdd, Signature: keepertest.EthSign(t, "val-a", hash),
		})
		return err
	})
	keepertest.RequireRejected(t, f.ctx, snapshot, types.ErrTokenNotRegistered, func() error {
		_, err := f.msgs.ConfirmTokenDeployment(f.ctx, &types.MsgConfirmTokenDeployment{
			Orchestrator: keepertest.Addr("val-b-orch"), Denom: "cc/2/XYZ", Signature: keepertest.EthSign(t, "val-b", hash),
		})
		return err
	})
}

func TestConfirmBatch_ChecksTheSignatureOfTheBatchHash(t *testing.T) {
	f := newBridge(t, nil)
	_, err := f.send("alice", gdd, 10_000, 25)
	require.NoError(t, err)
	f.endBlock(t)
	res, err := f.queries.Batch(f.ctx, &types.QueryBatchRequest{TokenContract: f.token.Hex()})
	require.NoError(t, err)
	hash := res.Hash
	_, err = f.msgs.ConfirmBatch(f.ctx, &types.MsgConfirmBatch{
		Orchestrator: keepertest.Addr("val-a-orch"), TokenContract: f.token.Hex(), Nonce: 1,
		Signature: keepertest.EthSign(t, "val-a", commonHash(hash)),
	})
	require.NoError(t, err)
	confirms, err := f.queries.BatchConfirms(f.ctx, &types.QueryBatchConfirmsRequest{TokenContract: f.token.Hex(), Nonce: 1})
	require.NoError(t, err)
	require.Len(t, confirms.Confirms, 1)

	snapshot := keepertest.StoreSnapshot(t, f.ctx, f.StoreKey)
	keepertest.RequireRejected(t, f.ctx, snapshot, types.ErrBatchNotFound, func() error {
		_, err := f.msgs.ConfirmBatch(f.ctx, &types.MsgConfirmBatch{
			Orchestrator: keepertest.Addr("val-b-orch"), TokenContract: f.token.Hex(), Nonce: 2,
			Signature: keepertest.EthSign(t, "val-b", commonHash(hash)),
		})
		return err
	})
	keepertest.RequireRejected(t, f.ctx, snapshot, types.ErrInvalidSignature, func() error {
		_, err := f.msgs.ConfirmBatch(f.ctx, &types.MsgConfirmBatch{
			Orchestrator: keepertest.Addr("val-b-orch"), TokenContract: f.token.Hex(), Nonce: 1,
			Signature: keepertest.EthSign(t, "val-b", f.Keeper.DeployHash(f.ctx, types.BridgeToken{Denom: gdd})),
		})
		return err
	})

	// The batch executes: its signatures go with it.
	f.claimBatch(t, validators[:3], 1, contractHeight+3, f.token, 1)
	confirms, err = f.queries.BatchConfirms(f.ctx, &types.QueryBatchConfirmsRequest{TokenContract: f.token.Hex(), Nonce: 1})
	require.NoError(t, err)
	require.Empty(t, confirms.Confirms)
}

// commonHash parses a 0x-hex hash.
func commonHash(s string) common.Hash {
	return common.HexToHash(s)
}
