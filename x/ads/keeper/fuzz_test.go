package keeper_test

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/testutil/fuzzmsg"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/ads/keeper"
	"github.com/kizuna-chain/kizuna/x/ads/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

// msgServerErrors are the errors the Msg server may return besides the SDK's
// for addresses and authority: the module's registered errors and the
// community module's it passes on. Any other error is a bug.
var msgServerErrors = []error{
	types.ErrInvalidTitle, types.ErrInvalidDescription, types.ErrInvalidPrice, types.ErrInvalidLocation,
	types.ErrInvalidPhoto, types.ErrInvalidCategory, types.ErrInvalidAdType, types.ErrInvalidAdStatus,
	types.ErrAdNotFound, types.ErrNotMember, types.ErrNotOwner, types.ErrAdClosed, types.ErrAdPaid,
	types.ErrWrongCommunity, types.ErrPayerNotAllowed, types.ErrPayeeNotAllowed, types.ErrNothingToUpdate,
	types.ErrInvalidClearField, types.ErrInvalidParams, types.ErrInvalidGenesis,
	communitytypes.ErrCommunityNotFound,
}

// Ads of the fuzz market: bob's open one, bob's closed one, bob's paid one
// and the one carol published before leaving Garden.
const (
	fuzzOpenAd uint64 = iota + 1
	fuzzClosedAd
	fuzzPaidAd
	fuzzLeaverAd
)

// FuzzMsgServer runs one Msg of any kind of the ads Msg service, decoded
// from fuzzed protobuf bytes, through the Msg server, against the market of
// newMarket with an open, a closed, a paid and an orphaned ad. It checks
// that the server never panics; that a rejected Msg fails with a registered
// error and leaves the ads state and the events untouched; that after an
// accepted one the exported genesis still validates; and that the same Msg
// on the same state gives the same response, error, state and events.
func FuzzMsgServer(f *testing.F) {
	base := newFuzzMarket(f)
	digest := make([]byte, 32)
	zero, negative := math.ZeroInt(), math.NewInt(-5)
	seeds := []fuzzmsg.Msg{
		&types.MsgCreateAd{
			Owner: base.addr("bob"), CommunityId: base.garden, Type: types.AdTypeGive, Title: "Bicycle repair",
			Description: "Flat tyres\nand brakes", Price: math.NewInt(20), Location: "Osaka",
			PhotoUri: "ipfs://bafybike", PhotoSha256: digest, Category: "repairs",
		},
		&types.MsgCreateAd{
			Owner: base.addr("bob"), CommunityId: base.garden, Type: types.AdTypeWant, Title: "Help moving",
			Price: maxPrice(),
		},
		&types.MsgCreateAd{Owner: base.addr("pat"), CommunityId: base.closed, Type: types.AdTypeGive, Title: "Seeds", Price: math.OneInt()},
		&types.MsgCreateAd{Owner: base.addr("dave"), CommunityId: base.garden, Type: types.AdTypeGive, Title: "Pears", Price: math.OneInt()},
		&types.MsgCreateAd{Owner: base.addr("bob"), CommunityId: 99, Type: 7, Title: " Repair", PhotoSha256: digest[:31]},
		&types.MsgUpdateAd{Owner: base.addr("bob"), AdId: fuzzOpenAd, Title: "Bicycle tune-up", Price: &zero},
		&types.MsgUpdateAd{Owner: base.addr("bob"), AdId: fuzzOpenAd, Price: &negative},
		&types.MsgUpdateAd{Owner: base.addr("bob"), AdId: fuzzOpenAd, PhotoUri: "ipfs://new", ClearFields: []string{"description", "category"}},
		&types.MsgUpdateAd{Owner: base.addr("bob"), AdId: fuzzOpenAd, PhotoSha256: digest, ClearFields: []string{"photo_uri"}},
		&types.MsgUpdateAd{Owner: base.addr("bob"), AdId: fuzzOpenAd, ClearFields: []string{"photo_uri"}},
		&types.MsgUpdateAd{Owner: base.addr("bob"), AdId: fuzzClosedAd, Title: "Again"},
		&types.MsgUpdateAd{Owner: base.addr("bob"), AdId: fuzzPaidAd, Title: "Raised price"},
		&types.MsgUpdateAd{Owner: base.addr("carol"), AdId: fuzzLeaverAd, Location: "Kobe"},
		&types.MsgUpdateAd{Owner: base.addr("alice"), AdId: fuzzOpenAd, Location: "Kobe"},
		&types.MsgCloseAd{Owner: base.addr("bob"), AdId: fuzzOpenAd},
		&types.MsgCloseAd{Owner: base.addr("bob"), AdId: fuzzPaidAd},
		&types.MsgCloseAd{Owner: base.addr("carol"), AdId: fuzzLeaverAd},
		&types.MsgCloseAd{Owner: base.addr("bob"), AdId: fuzzClosedAd},
		&types.MsgCloseAd{Owner: "kizuna1nope", AdId: 99},
		&types.MsgUpdateParams{Authority: base.keeper.GetAuthority(), Params: types.DefaultParams()},
		&types.MsgUpdateParams{Authority: base.keeper.GetAuthority(), Params: types.Params{MaxTitleLength: 1}},
		&types.MsgUpdateParams{Authority: base.addr("alice"), Params: types.DefaultParams()},
	}
	fuzzmsg.Server[*types.GenesisState]{
		Service: types.Msg_serviceDesc, Impl: base.msgs, Ctx: &base.ctx, Errors: msgServerErrors,
		State: base.export, Accepted: fuzzmsg.GenesisValidates(base.keeper.ExportGenesis),
	}.Fuzz(f, seeds...)
}

// newFuzzMarket returns the market of newMarket, built for any testing.TB,
// with bob's open, closed and paid ads in Garden and an ad carol published
// before she left Garden.
func newFuzzMarket(tb testing.TB) *market {
	tb.Helper()
	k, ck, ctx := keepertest.AdsKeeper(tb)
	m := &market{fixture: &fixture{
		ctx: ctx, keeper: k, msgs: keeper.NewMsgServerImpl(k), query: keeper.NewQueryServerImpl(k),
		community: communitykeeper.NewMsgServerImpl(ck),
	}}
	run := func(_ any, err error) { require.NoError(tb, err) }
	create := func(creator, name string, policy communitytypes.JoinPolicy) uint64 {
		res, err := m.community.CreateCommunity(ctx, &communitytypes.MsgCreateCommunity{
			Creator: m.addr(creator), Name: name, JoinPolicy: policy, Username: creator,
		})
		require.NoError(tb, err)
		return res.Id
	}
	join := func(id uint64, name string) {
		run(m.community.JoinCommunity(ctx, &communitytypes.MsgJoinCommunity{Member: m.addr(name), CommunityId: id, Username: name}))
	}
	m.garden = create("alice", "Garden", communitytypes.JoinPolicyOpen)
	join(m.garden, "bob")
	join(m.garden, "carol")
	m.orchard = create("zed", "Orchard", communitytypes.JoinPolicyOpen)
	join(m.orchard, "dave")
	m.closed = create("alice", "Closed", communitytypes.JoinPolicyApproval)
	join(m.closed, "pat")

	for _, ad := range []struct {
		owner string
		title string
	}{{"bob", "Bicycle repair"}, {"bob", "Old offer"}, {"bob", "Paid offer"}, {"carol", "Carol's need"}} {
		run(m.msgs.CreateAd(ctx, &types.MsgCreateAd{
			Owner: m.addr(ad.owner), CommunityId: m.garden, Type: types.AdTypeGive, Title: ad.title,
			Price: math.NewInt(20), PhotoUri: "ipfs://photo", PhotoSha256: make([]byte, 32), Category: "repairs",
		}))
	}
	run(m.msgs.CloseAd(ctx, &types.MsgCloseAd{Owner: m.addr("bob"), AdId: fuzzClosedAd}))
	require.NoError(tb, m.keeper.MarkPaid(ctx, fuzzPaidAd, math.NewInt(1_000_000)))
	run(m.community.LeaveCommunity(ctx, &communitytypes.MsgLeaveCommunity{Member: m.addr("carol"), CommunityId: m.garden}))
	return m
}

// maxPrice is the largest price x/bank could pay: 2^256 − 1.
func maxPrice() math.Int {
	return math.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))
}
