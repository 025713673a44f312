package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/community/keeper"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

func TestGenesis_ExportImportRoundTrip(t *testing.T) {
	f := newFixture(t)
	garden := f.createCommunity(t, "alice", "Garden", types.JoinPolicyOpen)
	orchard := f.createCommunity(t, "zed", "Orchard", types.JoinPolicyApproval)
	f.join(t, garden, "bob")
	f.setRole(t, garden, "alice", "bob", types.RoleModerator)
	f.join(t, orchard, "bob")
	_, err := f.msgs.JoinCommunity(f.ctx, &types.MsgJoinCommunity{
		Member: f.addr("carol"), CommunityId: garden, Username: "carol", FirstName: "Carol",
		AvatarUri: "ipfs://carol", AvatarSha256: make([]byte, 32),
	})
	require.NoError(t, err)
	params := types.DefaultParams()
	params.MaxSearchScan = 500
	_, err = f.msgs.UpdateParams(f.ctx, newMsgUpdateParams(f.keeper.GetAuthority(), params))
	require.NoError(t, err)

	k, ctx, key := keepertest.CommunityKeeperWithStoreKey(t)
	exported := statetest.RequireRoundTrip(t, f.keeper, f.ctx, k, ctx)
	require.Len(t, exported.Communities, 2)
	require.Len(t, exported.Members, 5)
	require.Equal(t, uint64(3), exported.NextCommunityId)
	require.Equal(t, params, exported.Params)

	// The indexes are rebuilt, and ids continue.
	g := &fixture{ctx: ctx, key: key, keeper: k, msgs: keeper.NewMsgServerImpl(k), query: keeper.NewQueryServerImpl(k), hooks: &recordingHooks{}}
	g.requireRejected(t, types.ErrNameTaken, func() error {
		_, err := g.msgs.CreateCommunity(ctx, &types.MsgCreateCommunity{Creator: g.addr("x"), Name: "GARDEN", JoinPolicy: types.JoinPolicyOpen, Username: "xxx"})
		return err
	})
	g.requireRejected(t, types.ErrUsernameTaken, func() error {
		_, err := g.msgs.JoinCommunity(ctx, &types.MsgJoinCommunity{Member: g.addr("x"), CommunityId: garden, Username: "Carol"})
		return err
	})
	g.requireRejected(t, types.ErrLastAdmin, func() error {
		_, err := g.msgs.LeaveCommunity(ctx, &types.MsgLeaveCommunity{Member: g.addr("zed"), CommunityId: orchard})
		return err
	})
	res, err := g.query.CommunitiesOf(ctx, &types.QueryCommunitiesOfRequest{Address: g.addr("bob")})
	require.NoError(t, err)
	require.Len(t, res.Memberships, 2)
	require.Equal(t, uint64(3), g.createCommunity(t, "xavier", "Meadow", types.JoinPolicyOpen))
}

func TestGenesis_DefaultExportsWithoutCommunities(t *testing.T) {
	f := newFixture(t)
	require.Equal(t, types.DefaultGenesis(), f.export(t))
}

func TestInitGenesis_RejectsInvalidState(t *testing.T) {
	k, ctx := keepertest.CommunityKeeper(t)
	gs := types.DefaultGenesis()
	gs.NextCommunityId = 0
	require.ErrorIs(t, k.InitGenesis(ctx, gs), types.ErrInvalidGenesis)
}

func TestInitGenesis_RejectsAddressesOfAnotherChain(t *testing.T) {
	k, ctx := keepertest.CommunityKeeper(t)
	creator := sdk.MustBech32ifyAddressBytes("cosmos", make([]byte, 20))
	gs := types.DefaultGenesis()
	gs.NextCommunityId = 2
	gs.Communities = []types.Community{{Id: 1, Name: "Garden", JoinPolicy: types.JoinPolicyOpen, Creator: creator}}
	gs.Members = []types.Member{{
		CommunityId: 1, Address: creator, Role: types.RoleAdmin, Status: types.MemberStatusActive,
		Profile: types.Profile{Username: "alice"},
	}}
	require.NoError(t, gs.Validate(), "the prefix is the keeper's business")
	require.ErrorIs(t, k.InitGenesis(ctx, gs), sdkerrors.ErrInvalidAddress)
}
