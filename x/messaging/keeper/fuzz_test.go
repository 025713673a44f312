package keeper_test

import (
	"crypto/sha256"
	"testing"

	"github.com/stretchr/testify/require"

	"cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/testutil/fuzzmsg"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	adskeeper "github.com/kizuna-chain/kizuna/x/ads/keeper"
	adstypes "github.com/kizuna-chain/kizuna/x/ads/types"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/messaging/keeper"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// msgServerErrors are the errors the Msg server may return besides the SDK's
// for addresses and authority: the module's registered errors and the
// community and ads modules' it passes on. Any other error is a bug.
var msgServerErrors = []error{
	types.ErrInvalidTitle, types.ErrInvalidMembers, types.ErrDuplicateMember, types.ErrThreadNotFound,
	types.ErrNotMember, types.ErrNotThreadMember, types.ErrUnauthorized, types.ErrInvalidPayload,
	types.ErrInvalidHash, types.ErrHashMismatch, types.ErrSeqBeyondLast, types.ErrSelfThread, types.ErrNotGroup,
	types.ErrThreadTooSmall, types.ErrInvalidParams, types.ErrInvalidGenesis, types.ErrInvalidThreadKind,
	types.ErrNoInvitation, types.ErrTooManyInvites, types.ErrCommunityMismatch,
	communitytypes.ErrCommunityNotFound, adstypes.ErrAdNotFound,
}

// Threads of the fuzz world.
const (
	fuzzGroup  uint64 = iota + 1 // alice, bob and carol in Garden; two messages
	fuzzDirect                   // bob and carol in Garden
	fuzzAd                       // dave asks alice about her ad
	fuzzLonely                   // erin's group in Harbour, whose other member left
	fuzzInvite                   // bob's group in Garden inviting dave, who has not answered
)

// FuzzMsgServer runs one Msg of any kind of the messaging Msg service,
// decoded from fuzzed protobuf bytes, through the Msg server, against Garden
// (alice admin; bob, carol and dave members; an ad of alice) and Harbour
// (erin admin) with a group, a direct, an ad thread and a group left with
// one member. It checks that the server never panics; that a rejected Msg
// fails with a registered error and leaves the store and the events
// untouched; that after an accepted one the exported genesis still
// validates; and that the same Msg on the same state gives the same
// response, error, writes and events.
func FuzzMsgServer(f *testing.F) {
	base, garden, ad := newFuzzWorld(f)
	hello := []byte("hello")
	bye := postMsg(base.addr("bob"), fuzzGroup, []byte("bye"))
	bye.ContentSha256 = bye.ContentSha256[:31]
	seeds := []fuzzmsg.Msg{
		&types.MsgOpenAdThread{Requester: base.addr("bob"), AdId: ad},
		&types.MsgOpenAdThread{Requester: base.addr("dave"), AdId: ad},
		&types.MsgOpenAdThread{Requester: base.addr("alice"), AdId: ad},
		&types.MsgOpenAdThread{Requester: base.addr("erin"), AdId: 99},
		&types.MsgOpenDirectThread{Creator: base.addr("alice"), CommunityId: garden, Peer: base.addr("dave")},
		&types.MsgOpenDirectThread{Creator: base.addr("carol"), CommunityId: garden, Peer: base.addr("bob")},
		&types.MsgOpenDirectThread{Creator: base.addr("alice"), CommunityId: garden, Peer: base.addr("alice")},
		&types.MsgOpenDirectThread{Creator: base.addr("alice"), CommunityId: garden, Peer: base.addr("erin")},
		&types.MsgCreateGroupThread{
			Creator: base.addr("bob"), CommunityId: garden, Members: base.addrs("carol", "dave"), Title: "Garden crew",
		},
		&types.MsgCreateGroupThread{Creator: base.addr("bob"), CommunityId: garden, Members: base.addrs("bob"), Title: " "},
		&types.MsgCreateGroupThread{Creator: base.addr("bob"), CommunityId: garden, Members: base.addrs("carol", "carol"), Title: "Dup"},
		&types.MsgCreateGroupThread{Creator: base.addr("bob"), CommunityId: garden, Members: []string{"kizuna1nope"}, Title: "Bad"},
		&types.MsgUpdateGroupThread{
			Updater: base.addr("alice"), ThreadId: fuzzGroup, Members: base.addrs("alice", "dave"), Title: "Renamed",
		},
		&types.MsgUpdateGroupThread{Updater: base.addr("bob"), ThreadId: fuzzGroup, Members: base.addrs("bob", "carol"), Title: "Mine"},
		&types.MsgUpdateGroupThread{Updater: base.addr("bob"), ThreadId: fuzzDirect, Members: base.addrs("bob", "carol"), Title: "Direct"},
		&types.MsgUpdateGroupThread{Updater: base.addr("erin"), ThreadId: fuzzLonely, Members: base.addrs("erin"), Title: "Alone"},
		postMsg(base.addr("bob"), fuzzGroup, hello),
		postMsg(base.addr("dave"), fuzzAd, hello),
		postMsg(base.addr("dave"), fuzzGroup, hello),
		postMsg(base.addr("erin"), fuzzLonely, hello),
		bye,
		&types.MsgPostMessage{Sender: base.addr("bob"), ThreadId: fuzzGroup, ContentSha256: make([]byte, 32), Payload: hello},
		&types.MsgMarkRead{Member: base.addr("bob"), ThreadId: fuzzGroup, Seq: 2},
		&types.MsgMarkRead{Member: base.addr("bob"), ThreadId: fuzzGroup, Seq: 3},
		&types.MsgMarkRead{Member: base.addr("alice"), ThreadId: fuzzGroup, Seq: 1},
		&types.MsgMarkRead{Member: base.addr("dave"), ThreadId: fuzzDirect, Seq: 0},
		&types.MsgAcceptGroupInvite{Invitee: base.addr("dave"), ThreadId: fuzzInvite, CommunityId: garden},
		&types.MsgAcceptGroupInvite{Invitee: base.addr("dave"), ThreadId: fuzzInvite, CommunityId: 2},
		&types.MsgAcceptGroupInvite{Invitee: base.addr("carol"), ThreadId: fuzzInvite},
		&types.MsgDeclineGroupInvite{Invitee: base.addr("dave"), ThreadId: fuzzInvite},
		&types.MsgDeclineGroupInvite{Invitee: base.addr("dave"), ThreadId: fuzzGroup},
		&types.MsgMarkRead{Member: base.addr("bob"), ThreadId: fuzzGroup, Seq: 2, CommunityId: 2},
		&types.MsgUpdateParams{Authority: base.keeper.GetAuthority(), Params: types.DefaultParams()},
		&types.MsgUpdateParams{Authority: base.keeper.GetAuthority(), Params: types.Params{MinGroupMembers: 1}},
		&types.MsgUpdateParams{Authority: base.addr("alice"), Params: types.DefaultParams()},
	}
	fuzzmsg.Server[map[string]string]{
		Service: types.Msg_serviceDesc, Impl: base.msgs, Ctx: &base.ctx, Errors: msgServerErrors,
		State: base.rawStore, Accepted: fuzzmsg.GenesisValidates(base.keeper.ExportGenesis),
	}.Fuzz(f, seeds...)
}

// newFuzzWorld returns a fixture holding the fuzz world of FuzzMsgServer,
// built for any testing.TB, with the ids of Garden and of alice's ad.
func newFuzzWorld(tb testing.TB) (f *fixture, garden, ad uint64) {
	tb.Helper()
	mf := keepertest.MessagingKeeper(tb)
	f = &fixture{
		ctx: mf.Ctx, key: mf.StoreKey, keeper: mf.Keeper, msgs: keeper.NewMsgServerImpl(mf.Keeper),
		query: keeper.NewQueryServerImpl(mf.Keeper), community: communitykeeper.NewMsgServerImpl(mf.Community),
		ads: adskeeper.NewMsgServerImpl(mf.Ads),
	}
	ctx := f.ctx
	run := func(_ any, err error) { require.NoError(tb, err) }
	create := func(name, creator string, members ...string) uint64 {
		res, err := f.community.CreateCommunity(ctx, &communitytypes.MsgCreateCommunity{
			Creator: f.addr(creator), Name: name, JoinPolicy: communitytypes.JoinPolicyOpen, Username: creator,
		})
		require.NoError(tb, err)
		for _, m := range members {
			run(f.community.JoinCommunity(ctx, &communitytypes.MsgJoinCommunity{Member: f.addr(m), CommunityId: res.Id, Username: m}))
		}
		return res.Id
	}
	garden = create("Garden", "alice", "bob", "carol", "dave")
	harbour := create("Harbour", "erin", "finn")
	adRes, err := f.ads.CreateAd(ctx, &adstypes.MsgCreateAd{
		Owner: f.addr("alice"), CommunityId: garden, Type: adstypes.AdTypeGive, Title: "Bicycle", Price: math.NewInt(5),
	})
	require.NoError(tb, err)

	run(f.msgs.CreateGroupThread(ctx, &types.MsgCreateGroupThread{
		Creator: f.addr("alice"), CommunityId: garden, Members: f.addrs("bob", "carol"), Title: "Garden crew",
	}))
	run(f.msgs.OpenDirectThread(ctx, &types.MsgOpenDirectThread{Creator: f.addr("bob"), CommunityId: garden, Peer: f.addr("carol")}))
	run(f.msgs.OpenAdThread(ctx, &types.MsgOpenAdThread{Requester: f.addr("dave"), AdId: adRes.Id}))
	run(f.msgs.CreateGroupThread(ctx, &types.MsgCreateGroupThread{
		Creator: f.addr("erin"), CommunityId: harbour, Members: f.addrs("finn"), Title: "Harbour",
	}))
	for _, m := range []string{"bob", "carol"} {
		run(f.msgs.AcceptGroupInvite(ctx, &types.MsgAcceptGroupInvite{Invitee: f.addr(m), ThreadId: fuzzGroup}))
	}
	for _, text := range []string{"hello", "see you"} {
		sum := sha256.Sum256([]byte(text))
		run(f.msgs.PostMessage(ctx, &types.MsgPostMessage{
			Sender: f.addr("alice"), ThreadId: fuzzGroup, ContentSha256: sum[:], Payload: []byte(text),
		}))
	}
	run(f.msgs.AcceptGroupInvite(ctx, &types.MsgAcceptGroupInvite{Invitee: f.addr("finn"), ThreadId: fuzzLonely}))
	run(f.msgs.CreateGroupThread(ctx, &types.MsgCreateGroupThread{
		Creator: f.addr("bob"), CommunityId: garden, Members: f.addrs("dave"), Title: "Repairs",
	}))
	run(f.community.LeaveCommunity(ctx, &communitytypes.MsgLeaveCommunity{Member: f.addr("finn"), CommunityId: harbour}))
	return f, garden, adRes.Id
}
