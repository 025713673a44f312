package keeper_test

import (
	"strings"
	"testing"

	abci "github.com/cometbft/cometbft/abci/types"
	"github.com/stretchr/testify/require"

	corestore "cosmossdk.io/core/store"
	"cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/ads/keeper"
	"github.com/kizuna-chain/kizuna/x/ads/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
)

// fixture is an ads keeper and the real community keeper it reads, over
// in-memory stores, with their servers.
type fixture struct {
	ctx       sdk.Context
	keeper    keeper.Keeper
	msgs      types.MsgServer
	query     types.QueryServer
	community communitytypes.MsgServer
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	k, ck, ctx := keepertest.AdsKeeper(t)
	return &fixture{
		ctx:       ctx,
		keeper:    k,
		msgs:      keeper.NewMsgServerImpl(k),
		query:     keeper.NewQueryServerImpl(k),
		community: communitykeeper.NewMsgServerImpl(ck),
	}
}

// addr returns a deterministic account address for a name.
func (f *fixture) addr(name string) string { return keepertest.Addr(name) }

func (f *fixture) accAddr(name string) sdk.AccAddress { return keepertest.AccAddress(name) }

// createCommunity creates a community named name whose admin is creator, with
// creator as username.
func (f *fixture) createCommunity(t *testing.T, creator, name string, policy communitytypes.JoinPolicy) uint64 {
	t.Helper()
	res, err := f.community.CreateCommunity(f.ctx, &communitytypes.MsgCreateCommunity{
		Creator: f.addr(creator), Name: name, JoinPolicy: policy, Username: creator,
	})
	require.NoError(t, err)
	return res.Id
}

// join joins the community with username name.
func (f *fixture) join(t *testing.T, id uint64, name string) {
	t.Helper()
	_, err := f.community.JoinCommunity(f.ctx, &communitytypes.MsgJoinCommunity{
		Member: f.addr(name), CommunityId: id, Username: name,
	})
	require.NoError(t, err)
}

// leave makes name leave the community.
func (f *fixture) leave(t *testing.T, id uint64, name string) {
	t.Helper()
	_, err := f.community.LeaveCommunity(f.ctx, &communitytypes.MsgLeaveCommunity{Member: f.addr(name), CommunityId: id})
	require.NoError(t, err)
}

// createAd publishes an ad of owner and returns its id.
func (f *fixture) createAd(t *testing.T, owner string, communityID uint64, adType types.AdType, title string, price int64) uint64 {
	t.Helper()
	res, err := f.msgs.CreateAd(f.ctx, &types.MsgCreateAd{
		Owner: f.addr(owner), CommunityId: communityID, Type: adType, Title: title, Price: math.NewInt(price),
	})
	require.NoError(t, err)
	return res.Id
}

func (f *fixture) closeAd(t *testing.T, owner string, id uint64) {
	t.Helper()
	_, err := f.msgs.CloseAd(f.ctx, &types.MsgCloseAd{Owner: f.addr(owner), AdId: id})
	require.NoError(t, err)
}

func (f *fixture) ad(t *testing.T, id uint64) types.Ad {
	t.Helper()
	ad, err := f.keeper.GetAd(f.ctx, id)
	require.NoError(t, err)
	return ad
}

func (f *fixture) export(t *testing.T) *types.GenesisState {
	t.Helper()
	gs, err := f.keeper.ExportGenesis(f.ctx)
	require.NoError(t, err)
	return gs
}

// requireRejected checks that run fails with want and changes nothing: not
// the state, not the events.
func (f *fixture) requireRejected(t *testing.T, want error, run func() error) {
	t.Helper()
	before := f.export(t)
	events := len(f.ctx.EventManager().Events())

	err := run()
	require.ErrorIs(t, err, want)
	require.Equal(t, before, f.export(t), "state changed by a rejected message")
	require.Len(t, f.ctx.EventManager().Events(), events, "events emitted by a rejected message")
}

// eventTypes returns the types of the events emitted so far.
func (f *fixture) eventTypes() []string { return keepertest.EventTypes(f.ctx) }

// resetEvents starts a fresh event manager, as a new transaction would.
func (f *fixture) resetEvents() {
	f.ctx = f.ctx.WithEventManager(sdk.NewEventManager())
}

// market is a fixture with two OPEN communities and an APPROVAL one:
// Garden (alice admin, bob and carol members), Orchard (zed admin, dave
// member), and Closed (alice admin, pat pending).
type market struct {
	*fixture
	garden, orchard, closed uint64
}

func newMarket(t *testing.T) *market {
	t.Helper()
	f := newFixture(t)
	m := &market{fixture: f}
	m.garden = f.createCommunity(t, "alice", "Garden", communitytypes.JoinPolicyOpen)
	f.join(t, m.garden, "bob")
	f.join(t, m.garden, "carol")
	m.orchard = f.createCommunity(t, "zed", "Orchard", communitytypes.JoinPolicyOpen)
	f.join(t, m.orchard, "dave")
	m.closed = f.createCommunity(t, "alice", "Closed", communitytypes.JoinPolicyApproval)
	f.join(t, m.closed, "pat")
	f.resetEvents()
	return m
}

func TestNewKeeper_PanicsOnBadWiring(t *testing.T) {
	k, ck, _ := keepertest.AdsKeeper(t)
	require.PanicsWithValue(t, "ads keeper: nil community keeper", func() {
		keeper.NewKeeper(codecOf(t), storeServiceOf(t), k.AddressCodec(), k.GetAuthority(), nil)
	})
	require.Panics(t, func() {
		keeper.NewKeeper(codecOf(t), storeServiceOf(t), k.AddressCodec(), "gov", ck)
	}, "an authority the codec cannot decode")
	require.Panics(t, func() {
		keeper.NewKeeper(nil, storeServiceOf(t), k.AddressCodec(), k.GetAuthority(), ck)
	})
}

func codecOf(t *testing.T) codec.BinaryCodec {
	t.Helper()
	return codec.NewProtoCodec(codectypes.NewInterfaceRegistry())
}

func storeServiceOf(t *testing.T) corestore.KVStoreService {
	t.Helper()
	return runtime.NewKVStoreService(storetypes.NewKVStoreKey("ads_wiring_test"))
}

// long returns s repeated to n characters.
func long(n int) string {
	return strings.Repeat("a", n)
}

// abciEvent converts an emitted event for sdk.ParseTypedEvent.
func abciEvent(e sdk.Event) abci.Event {
	return abci.Event(e)
}
