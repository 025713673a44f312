package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/testutil/statetest"
	"github.com/kizuna-chain/kizuna/x/messaging/types"
)

func TestGenesis_ExportImportRoundTrip(t *testing.T) {
	f, garden, ad := world(t)
	res, err := f.msgs.OpenAdThread(f.ctx, &types.MsgOpenAdThread{Requester: f.addr("bob"), AdId: ad})
	require.NoError(t, err)
	_, err = f.msgs.OpenDirectThread(f.ctx, &types.MsgOpenDirectThread{Creator: f.addr("carol"), CommunityId: garden, Peer: f.addr("dave")})
	require.NoError(t, err)
	f.post(t, "bob", res.ThreadId, "hello")
	f.post(t, "alice", res.ThreadId, "hi")
	f.post(t, "carol", 1, "group")
	// dave leaves and comes back, starts a group bob joins, and is invited
	// to alice's.
	f.leave(t, garden, "dave")
	f.join(t, garden, "dave")
	f.group(t, garden, "dave", "bob")
	f.invite(t, garden, "alice", "dave")
	f.setKey(t, "alice", testKey(1), 1)
	f.setKey(t, "alice", testKey(2), 2)
	f.setKey(t, "bob", testKey(3), 1)

	g := keepertest.MessagingKeeper(t)
	gs := statetest.RequireRoundTrip(t, f.keeper, f.ctx, g.Keeper, g.Ctx)
	require.Len(t, gs.Threads, 5)
	require.Len(t, gs.Messages, 3)
	require.Equal(t, uint64(6), gs.NextThreadId)
	require.Equal(t, []types.Departures{{CommunityId: garden, Member: f.addr("dave"), Count: 1}}, gs.Departures)
	require.Equal(t, []types.GroupMembership{{ThreadId: 4, Member: f.addr("dave"), Departures: 1}}, gs.GroupMemberships)
	require.Len(t, gs.Invitations, 1)
	require.Equal(t, uint64(5), gs.Invitations[0].ThreadId)
	require.Equal(t, uint64(1), gs.Invitations[0].Departures)
	require.Len(t, gs.MessagingKeys, 2)

	// The indexes are rebuilt: the imported store is byte for byte the
	// exported one.
	imported := &fixture{ctx: g.Ctx, key: g.StoreKey}
	require.Equal(t, f.rawStore(t), imported.rawStore(t))
}

func TestGenesis_ValidateRejectsInconsistentState(t *testing.T) {
	f, garden, _ := world(t)
	f.post(t, "alice", 1, "hello")
	f.leave(t, garden, "dave")
	f.join(t, garden, "dave")
	f.group(t, garden, "dave", "bob")
	f.invite(t, garden, "alice", "dave")
	f.setKey(t, "alice", testKey(1), 1)
	exported := func() types.GenesisState {
		gs, err := f.keeper.ExportGenesis(f.ctx)
		require.NoError(t, err)
		return *gs
	}

	statetest.Refuses(t, exported, types.ErrInvalidParams, map[string]func(*types.GenesisState){
		"bad params": func(gs *types.GenesisState) { gs.Params.MaxGroupMembers = 0 },
	})
	statetest.Refuses(t, exported, types.ErrInvalidGenesis, map[string]func(*types.GenesisState){
		"next id not above ids":   func(gs *types.GenesisState) { gs.NextThreadId = 1 },
		"missing message":         func(gs *types.GenesisState) { gs.Messages = nil },
		"message of no thread":    func(gs *types.GenesisState) { gs.Messages[0].ThreadId = 9 },
		"short digest":            func(gs *types.GenesisState) { gs.Messages[0].ContentSha256 = []byte{1} },
		"read mark beyond last":   func(gs *types.GenesisState) { gs.ReadMarks[0].Seq = 5 },
		"read mark of non-member": func(gs *types.GenesisState) { gs.ReadMarks[0].Member = f.addr("zed") },
		"duplicate member":        func(gs *types.GenesisState) { gs.Threads[0].Members[1] = gs.Threads[0].Members[0] },
		"bad kind":                func(gs *types.GenesisState) { gs.Threads[0].Kind = types.ThreadKindUnspecified },
		"zero departures":         func(gs *types.GenesisState) { gs.Departures[0].Count = 0 },
		"duplicate departures":    func(gs *types.GenesisState) { gs.Departures = append(gs.Departures, gs.Departures[0]) },
		"membership of non-member": func(gs *types.GenesisState) {
			gs.GroupMemberships[0].Member = f.addr("zed")
		},
		"membership in no group":  func(gs *types.GenesisState) { gs.GroupMemberships[0].ThreadId = 9 },
		"invitation of a member":  func(gs *types.GenesisState) { gs.Invitations[0].Invitee = f.addr("alice") },
		"invitation elsewhere":    func(gs *types.GenesisState) { gs.Invitations[0].CommunityId = 2 },
		"duplicate invitation":    func(gs *types.GenesisState) { gs.Invitations = append(gs.Invitations, gs.Invitations[0]) },
		"invitation, bad inviter": func(gs *types.GenesisState) { gs.Invitations[0].Inviter = "nobody" },
		"key, bad owner":          func(gs *types.GenesisState) { gs.MessagingKeys[0].Owner = "nobody" },
		"key, short":              func(gs *types.GenesisState) { gs.MessagingKeys[0].PublicKey = testKey(1)[:31] },
		"key, low order":          func(gs *types.GenesisState) { gs.MessagingKeys[0].PublicKey = make([]byte, 32) },
		"key, version 0":          func(gs *types.GenesisState) { gs.MessagingKeys[0].Version = 0 },
		"key, duplicate owner":    func(gs *types.GenesisState) { gs.MessagingKeys = append(gs.MessagingKeys, gs.MessagingKeys[0]) },
	})
	require.NoError(t, types.DefaultGenesis().Validate())
}
