package keeper_test

import (
	"crypto/sha256"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	adskeeper "github.com/kizuna-chain/kizuna/x/ads/keeper"
	adstypes "github.com/kizuna-chain/kizuna/x/ads/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/messaging/keeper"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// fixture is a messaging keeper with its servers, on real community and ads
// keepers.
type fixture struct {
	ctx       sdk.Context
	key       *storetypes.KVStoreKey
	keeper    keeper.Keeper
	msgs      types.MsgServer
	query     types.QueryServer
	community communitytypes.MsgServer
	ads       adstypes.MsgServer
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := keepertest.MessagingKeeper(t)
	return &fixture{
		ctx:       f.Ctx,
		key:       f.StoreKey,
		keeper:    f.Keeper,
		msgs:      keeper.NewMsgServerImpl(f.Keeper),
		query:     keeper.NewQueryServerImpl(f.Keeper),
		community: communitykeeper.NewMsgServerImpl(f.Community),
		ads:       adskeeper.NewMsgServerImpl(f.Ads),
	}
}

// addr returns a deterministic account address for a name.
func (f *fixture) addr(name string) string { return keepertest.Addr(name) }

func (f *fixture) addrs(names ...string) []string {
	out := make([]string, 0, len(names))
	for _, n := range names {
		out = append(out, f.addr(n))
	}
	return out
}

// createCommunity creates an OPEN community whose admin is creator and
// joins the other members.
func (f *fixture) createCommunity(t *testing.T, name, creator string, members ...string) uint64 {
	t.Helper()
	res, err := f.community.CreateCommunity(f.ctx, &communitytypes.MsgCreateCommunity{
		Creator: f.addr(creator), Name: name, JoinPolicy: communitytypes.JoinPolicyOpen, Username: creator,
	})
	require.NoError(t, err)
	for _, m := range members {
		f.join(t, res.Id, m)
	}
	return res.Id
}

func (f *fixture) join(t *testing.T, id uint64, name string) {
	t.Helper()
	_, err := f.community.JoinCommunity(f.ctx, &communitytypes.MsgJoinCommunity{Member: f.addr(name), CommunityId: id, Username: name})
	require.NoError(t, err)
}

func (f *fixture) leave(t *testing.T, id uint64, name string) {
	t.Helper()
	_, err := f.community.LeaveCommunity(f.ctx, &communitytypes.MsgLeaveCommunity{Member: f.addr(name), CommunityId: id})
	require.NoError(t, err)
}

func (f *fixture) createAd(t *testing.T, community uint64, owner string) uint64 {
	t.Helper()
	res, err := f.ads.CreateAd(f.ctx, &adstypes.MsgCreateAd{
		Owner: f.addr(owner), CommunityId: community, Type: adstypes.AdTypeGive, Title: "Bicycle", Price: math.NewInt(5),
	})
	require.NoError(t, err)
	return res.Id
}

// invite creates a group thread of creator inviting members.
func (f *fixture) invite(t *testing.T, community uint64, creator string, members ...string) uint64 {
	t.Helper()
	res, err := f.msgs.CreateGroupThread(f.ctx, &types.MsgCreateGroupThread{
		Creator: f.addr(creator), CommunityId: community, Members: f.addrs(members...), Title: "Garden crew",
	})
	require.NoError(t, err)
	return res.ThreadId
}

// group creates a group thread of creator and members, each of whom accepts
// its invitation.
func (f *fixture) group(t *testing.T, community uint64, creator string, members ...string) uint64 {
	t.Helper()
	id := f.invite(t, community, creator, members...)
	for _, m := range members {
		if m != creator {
			f.accept(t, id, m)
		}
	}
	return id
}

func (f *fixture) accept(t *testing.T, thread uint64, name string) {
	t.Helper()
	_, err := f.msgs.AcceptGroupInvite(f.ctx, &types.MsgAcceptGroupInvite{Invitee: f.addr(name), ThreadId: thread})
	require.NoError(t, err)
}

func postMsg(sender string, thread uint64, payload []byte) *types.MsgPostMessage {
	sum := sha256.Sum256(payload)
	return &types.MsgPostMessage{Sender: sender, ThreadId: thread, ContentSha256: sum[:], Payload: payload}
}

func (f *fixture) post(t *testing.T, sender string, thread uint64, text string) uint64 {
	t.Helper()
	res, err := f.msgs.PostMessage(f.ctx, postMsg(f.addr(sender), thread, []byte(text)))
	require.NoError(t, err)
	return res.Seq
}

func (f *fixture) thread(t *testing.T, id uint64) types.Thread {
	t.Helper()
	th, err := f.keeper.GetThread(f.ctx, id)
	require.NoError(t, err)
	return th
}

func (f *fixture) unread(t *testing.T, name string) uint64 {
	t.Helper()
	res, err := f.query.UnreadCount(f.ctx, &types.QueryUnreadCountRequest{Member: f.addr(name)})
	require.NoError(t, err)
	return res.Unread
}

// rawStore returns every key and value of the module's store.
func (f *fixture) rawStore(t *testing.T) map[string]string {
	return keepertest.RawStore(t, f.ctx, f.key)
}

// requireRejected checks that run fails with want and changes nothing: not
// a byte of the module's store, not the events.
func (f *fixture) requireRejected(t *testing.T, want error, run func() error) {
	t.Helper()
	keepertest.RequireRejected(t, f.ctx, keepertest.StoreSnapshot(t, f.ctx, f.key), want, run)
}

// eventTypes returns the types of the events emitted so far.
func (f *fixture) eventTypes() []string { return keepertest.EventTypes(f.ctx) }

func TestNewKeeper_PanicsOnBadWiring(t *testing.T) {
	f := keepertest.MessagingKeeper(t)
	require.Panics(t, func() {
		keeper.NewKeeper(nil, nil, f.Keeper.AddressCodec(), f.Keeper.GetAuthority(), f.Community, f.Ads)
	})
	require.Panics(t, func() {
		keeper.NewKeeper(nil, nil, f.Keeper.AddressCodec(), f.Keeper.GetAuthority(), f.Community, nil)
	})
}
