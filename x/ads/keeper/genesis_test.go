package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/ads/keeper"
	"github.com/kizuna-chain/kizuna/x/ads/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

func TestGenesis_ExportImportRoundTrip(t *testing.T) {
	m := newMarket(t)
	want := m.createAd(t, "bob", m.garden, types.AdTypeWant, "Help moving", 5)
	_, err := m.msgs.CreateAd(m.ctx, &types.MsgCreateAd{
		Owner: m.addr("carol"), CommunityId: m.garden, Type: types.AdTypeGive, Title: "Apples",
		Description: "Crisp", Price: math.NewInt(3), Location: "Aomori", PhotoUri: "ipfs://apples",
		PhotoSha256: make([]byte, 32), Category: "food",
	})
	require.NoError(t, err)
	pears := m.createAd(t, "dave", m.orchard, types.AdTypeGive, "Pears", 2)
	require.NoError(t, m.keeper.MarkPaid(m.ctx, pears, math.NewInt(1_000_000)))
	m.closeAd(t, "bob", want)
	params := types.DefaultParams()
	params.MaxCategoryLength = 32
	_, err = m.msgs.UpdateParams(m.ctx, newMsgUpdateParams(m.keeper.GetAuthority(), params))
	require.NoError(t, err)

	k, ck, ctx := keepertest.AdsKeeper(t)
	exported := statetest.RequireRoundTrip(t, m.keeper, m.ctx, k, ctx)
	require.Len(t, exported.Ads, 3)
	require.Equal(t, uint64(4), exported.NextAdId)
	require.Equal(t, params, exported.Params)

	// The indexes are rebuilt, and ids continue.
	g := &fixture{ctx: ctx, keeper: k, msgs: keeper.NewMsgServerImpl(k), query: keeper.NewQueryServerImpl(k), community: communitykeeper.NewMsgServerImpl(ck)}
	garden := g.createCommunity(t, "alice", "Garden", communitytypes.JoinPolicyOpen)
	g.join(t, garden, "carol")
	res, err := g.query.Ads(ctx, &types.QueryAdsRequest{CommunityId: garden, Type: types.AdTypeGive, Status: types.AdStatusOpen})
	require.NoError(t, err)
	require.Len(t, res.Ads, 1)
	require.Equal(t, "Apples", res.Ads[0].Ad.Title)
	byOwner, err := g.query.AdsByOwner(ctx, &types.QueryAdsByOwnerRequest{Owner: g.addr("dave")})
	require.NoError(t, err)
	require.Len(t, byOwner.Ads, 1)
	require.True(t, byOwner.Ads[0].Ad.Paid)
	require.Equal(t, uint64(4), g.createAd(t, "carol", garden, types.AdTypeWant, "Ladder", 0))
}

func TestGenesis_DefaultExportsWithoutAds(t *testing.T) {
	f := newFixture(t)
	require.Equal(t, types.DefaultGenesis(), f.export(t))
}

func TestInitGenesis_RejectsInvalidState(t *testing.T) {
	k, _, ctx := keepertest.AdsKeeper(t)
	gs := types.DefaultGenesis()
	gs.NextAdId = 0
	require.ErrorIs(t, k.InitGenesis(ctx, gs), types.ErrInvalidGenesis)
}

func TestInitGenesis_RejectsAddressesOfAnotherChain(t *testing.T) {
	k, _, ctx := keepertest.AdsKeeper(t)
	gs := types.DefaultGenesis()
	gs.NextAdId = 2
	gs.Ads = []types.Ad{{
		Id: 1, CommunityId: 1, Owner: sdk.MustBech32ifyAddressBytes("cosmos", make([]byte, 20)),
		Type: types.AdTypeGive, Title: "Apples", Price: math.ZeroInt(), Status: types.AdStatusOpen,
	}}
	require.NoError(t, gs.Validate(), "the prefix is the keeper's business")
	require.ErrorIs(t, k.InitGenesis(ctx, gs), sdkerrors.ErrInvalidAddress)
}
