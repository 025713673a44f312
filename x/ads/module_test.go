package ads_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/testutil/conformance"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/ads"
	"github.com/kizuna-chain/kizuna/x/ads/keeper"
	"github.com/kizuna-chain/kizuna/x/ads/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

// allMsgs holds one of each Msg of the module, signed by signer, as a
// client fills them.
func allMsgs(signer string) []sdk.Msg {
	price := math.NewInt(25)
	return []sdk.Msg{
		&types.MsgCreateAd{Owner: signer, CommunityId: 1, Type: types.AdTypeGive, Title: "Apples", Price: math.ZeroInt(), PhotoUri: "ipfs://a", PhotoSha256: make([]byte, 32)},
		&types.MsgUpdateAd{Owner: signer, AdId: 1, Price: &price, ClearFields: []string{"location"}},
		&types.MsgCloseAd{Owner: signer, AdId: 1},
		&types.MsgUpdateParams{Authority: signer, Params: types.DefaultParams()},
	}
}

// newModule returns the module wired to real keepers over in-memory stores,
// and the community keeper it reads.
func newModule(t *testing.T) (conformance.Module, keeper.Keeper, communitykeeper.Keeper) {
	t.Helper()
	k, ck, ctx := keepertest.AdsKeeper(t)
	cdc := codec.NewProtoCodec(conformance.NewRegistry(t))
	return conformance.Module{
		AppModule: ads.NewAppModule(cdc, k),
		Ctx:       ctx,
		Empty: func(t *testing.T, from sdk.Context) (conformance.AppModule, sdk.Context) {
			fresh, freshCommunities, ctx := keepertest.AdsKeeper(t)
			keepertest.CopyCommunities(t, ck, from, freshCommunities, ctx)
			return ads.NewAppModule(cdc, fresh), ctx
		},
		Msgs:        allMsgs,
		QueryServer: keeper.NewQueryServerImpl(k),
		Gateway:     conformance.GatewayOf(types.RegisterQueryHandlerClient, types.NewQueryClient),
		HandWritten: map[string][]string{
			"kizuna.ads.v1.MsgCreateAd": {"create"},
			"kizuna.ads.v1.MsgUpdateAd": {"update"},
		},
	}, k, ck
}

func TestModule_Conformance(t *testing.T) {
	m, k, ck := newModule(t)
	seedAds(t, m.Ctx, k, ck)
	conformance.Run(t, m)
}

func TestMsgCreateAd_RoutedToTheKeeperEmitsItsEvent(t *testing.T) {
	m, _, ck := newModule(t)
	signer := keepertest.Addr("signer")
	_, err := communitykeeper.NewMsgServerImpl(ck).CreateCommunity(m.Ctx, &communitytypes.MsgCreateCommunity{
		Creator: signer, Name: "Garden", JoinPolicy: communitytypes.JoinPolicyOpen, Username: "signer",
	})
	require.NoError(t, err)
	res, err := conformance.Deliver(t, m, &types.MsgCreateAd{
		Owner: signer, CommunityId: 1, Type: types.AdTypeGive, Title: "Apples", Price: math.NewInt(3),
	})
	require.NoError(t, err)
	require.Contains(t, conformance.EventTypes(res), "kizuna.ads.v1.EventAdCreated")
}

func TestGenesis_RefusesAZeroNextID(t *testing.T) {
	m, _, _ := newModule(t)
	cdc := codec.NewProtoCodec(conformance.NewRegistry(t))
	require.Error(t, m.AppModule.ValidateGenesis(cdc, nil, []byte(`{"next_ad_id":"0"}`)))
}

// seedAds creates community 1 (alice, bob), alice's GIVE ad 1 and WANT ad
// 2, and bob's closed GIVE ad 3.
func seedAds(t *testing.T, ctx sdk.Context, k keeper.Keeper, ck communitykeeper.Keeper) {
	t.Helper()
	communityMsgs := communitykeeper.NewMsgServerImpl(ck)
	msgs := keeper.NewMsgServerImpl(k)
	alice, bob := keepertest.Addr("alice"), keepertest.Addr("bob")
	_, err := communityMsgs.CreateCommunity(ctx, &communitytypes.MsgCreateCommunity{Creator: alice, Name: "Garden", JoinPolicy: communitytypes.JoinPolicyOpen, Username: "alice"})
	require.NoError(t, err)
	_, err = communityMsgs.JoinCommunity(ctx, &communitytypes.MsgJoinCommunity{Member: bob, CommunityId: 1, Username: "bob"})
	require.NoError(t, err)
	for _, ad := range []*types.MsgCreateAd{
		{Owner: alice, CommunityId: 1, Type: types.AdTypeGive, Title: "Apples", Price: math.NewInt(20)},
		{Owner: alice, CommunityId: 1, Type: types.AdTypeWant, Title: "Ladder", Price: math.NewInt(5)},
		{Owner: bob, CommunityId: 1, Type: types.AdTypeGive, Title: "Pears", Price: math.ZeroInt()},
	} {
		_, err = msgs.CreateAd(ctx, ad)
		require.NoError(t, err)
	}
	_, err = msgs.CloseAd(ctx, &types.MsgCloseAd{Owner: bob, AdId: 3})
	require.NoError(t, err)
}
