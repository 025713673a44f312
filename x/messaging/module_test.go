package messaging_test

import (
	"bytes"
	"crypto/sha256"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/cosmos/cosmos-sdk/codec"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/testutil/conformance"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/messaging"
	"github.com/kizuna-chain/kizuna/x/messaging/keeper"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

// allMsgs holds one of each Msg of the module, signed by signer, as a
// client fills them.
func allMsgs(signer string) []sdk.Msg {
	sum := sha256.Sum256([]byte("hi"))
	return []sdk.Msg{
		&types.MsgOpenAdThread{Requester: signer, AdId: 1},
		&types.MsgOpenDirectThread{Creator: signer, CommunityId: 1, Peer: signer},
		&types.MsgCreateGroupThread{Creator: signer, CommunityId: 1, Members: []string{signer}, Title: "Crew"},
		&types.MsgUpdateGroupThread{Updater: signer, ThreadId: 1, Members: []string{signer}, Title: "Crew"},
		&types.MsgPostMessage{Sender: signer, ThreadId: 1, ContentSha256: sum[:], Payload: []byte("hi")},
		&types.MsgMarkRead{Member: signer, ThreadId: 1, Seq: 1, CommunityId: 1},
		&types.MsgAcceptGroupInvite{Invitee: signer, ThreadId: 1, CommunityId: 1},
		&types.MsgDeclineGroupInvite{Invitee: signer, ThreadId: 1},
		&types.MsgSetMessagingKey{Owner: signer, PublicKey: bytes.Repeat([]byte{9}, 32), Version: 1, CommunityId: 1},
		&types.MsgUpdateParams{Authority: signer, Params: types.DefaultParams()},
	}
}

// newModule returns the module wired to real keepers over in-memory stores.
func newModule(t *testing.T) (conformance.Module, keepertest.MessagingFixture) {
	t.Helper()
	fx := keepertest.MessagingKeeper(t)
	cdc := codec.NewProtoCodec(conformance.NewRegistry(t))
	return conformance.Module{
		AppModule: messaging.NewAppModule(cdc, fx.Keeper),
		Ctx:       fx.Ctx,
		Empty: func(t *testing.T, from sdk.Context) (conformance.AppModule, sdk.Context) {
			fresh := keepertest.MessagingKeeper(t)
			keepertest.CopyCommunities(t, fx.Community, from, fresh.Community, fresh.Ctx)
			ads, err := fx.Ads.ExportGenesis(from)
			require.NoError(t, err)
			require.NoError(t, fresh.Ads.InitGenesis(fresh.Ctx, ads))
			return messaging.NewAppModule(cdc, fresh.Keeper), fresh.Ctx
		},
		Msgs:        allMsgs,
		QueryServer: keeper.NewQueryServerImpl(fx.Keeper),
		Gateway:     conformance.GatewayOf(types.RegisterQueryHandlerClient, types.NewQueryClient),
		HandWritten: map[string][]string{
			"kizuna.messaging.v1.MsgPostMessage":     {"post"},
			"kizuna.messaging.v1.MsgSetMessagingKey": {"publish-key"},
		},
	}, fx
}

func TestModule_Conformance(t *testing.T) {
	m, fx := newModule(t)
	seedThreads(t, fx)
	conformance.Run(t, m)
}

func TestMsgOpenDirectThread_RoutedToTheKeeperEmitsItsEvent(t *testing.T) {
	m, fx := newModule(t)
	signer, other := keepertest.Addr("signer"), keepertest.Addr("other")
	communityMsgs := communitykeeper.NewMsgServerImpl(fx.Community)
	_, err := communityMsgs.CreateCommunity(fx.Ctx, &communitytypes.MsgCreateCommunity{
		Creator: signer, Name: "Garden", JoinPolicy: communitytypes.JoinPolicyOpen, Username: "signer",
	})
	require.NoError(t, err)
	_, err = communityMsgs.JoinCommunity(fx.Ctx, &communitytypes.MsgJoinCommunity{Member: other, CommunityId: 1, Username: "other"})
	require.NoError(t, err)
	res, err := conformance.Deliver(t, m, &types.MsgOpenDirectThread{Creator: signer, CommunityId: 1, Peer: other})
	require.NoError(t, err)
	require.Contains(t, conformance.EventTypes(res), "kizuna.messaging.v1.EventThreadOpened")
}

func TestGenesis_RefusesAZeroNextID(t *testing.T) {
	m, _ := newModule(t)
	cdc := codec.NewProtoCodec(conformance.NewRegistry(t))
	require.Error(t, m.AppModule.ValidateGenesis(cdc, nil, []byte(`{"next_thread_id":"0"}`)))
}

// seedThreads creates community 1 (alice, bob), a direct thread 1 between
// them with two messages of alice's, and alice's group thread 2 ("Crew")
// to which bob is invited.
func seedThreads(t *testing.T, fx keepertest.MessagingFixture) {
	t.Helper()
	ctx := fx.Ctx
	alice, bob := keepertest.Addr("alice"), keepertest.Addr("bob")
	communityMsgs := communitykeeper.NewMsgServerImpl(fx.Community)
	msgs := keeper.NewMsgServerImpl(fx.Keeper)
	_, err := communityMsgs.CreateCommunity(ctx, &communitytypes.MsgCreateCommunity{Creator: alice, Name: "Garden", JoinPolicy: communitytypes.JoinPolicyOpen, Username: "alice"})
	require.NoError(t, err)
	_, err = communityMsgs.JoinCommunity(ctx, &communitytypes.MsgJoinCommunity{Member: bob, CommunityId: 1, Username: "bob"})
	require.NoError(t, err)
	_, err = msgs.OpenDirectThread(ctx, &types.MsgOpenDirectThread{Creator: alice, CommunityId: 1, Peer: bob})
	require.NoError(t, err)
	_, err = msgs.CreateGroupThread(ctx, &types.MsgCreateGroupThread{Creator: alice, CommunityId: 1, Members: []string{bob}, Title: "Crew"})
	require.NoError(t, err)
	for _, text := range []string{"hi", "there"} {
		sum := sha256.Sum256([]byte(text))
		_, err = msgs.PostMessage(ctx, &types.MsgPostMessage{Sender: alice, ThreadId: 1, ContentSha256: sum[:], Payload: []byte(text)})
		require.NoError(t, err)
	}
}
