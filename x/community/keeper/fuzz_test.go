package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/kizuna-chain/kizuna/testutil/fuzzmsg"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/community/keeper"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

// msgServerErrors are the errors the Msg server may return besides the SDK's
// for addresses and authority: the module's registered errors. Any other
// error is a bug.
var msgServerErrors = []error{
	types.ErrInvalidName, types.ErrNameTaken, types.ErrInvalidDescription, types.ErrInvalidLocation,
	types.ErrInvalidJoinPolicy, types.ErrCommunityNotFound, types.ErrInvalidUsername, types.ErrUsernameTaken,
	types.ErrInvalidPersonName, types.ErrInvalidAvatar, types.ErrAlreadyMember, types.ErrMemberNotFound,
	types.ErrMemberNotActive, types.ErrMemberNotPending, types.ErrNotPermitted, types.ErrLastAdmin,
	types.ErrInvalidRole, types.ErrInvalidStatus, types.ErrNothingToUpdate, types.ErrInvalidClearField,
	types.ErrInvalidParams, types.ErrInvalidGenesis, types.ErrInvalidSearch, types.ErrCreatorOnly,
}

// FuzzMsgServer runs one Msg of any kind of the community Msg service,
// decoded from fuzzed protobuf bytes, through the Msg server, against
// Garden (OPEN: alice admin, mod moderator, tom teller, bob member) and
// Closed (APPROVAL: alice admin, pat pending). It checks that the server
// never panics; that a rejected Msg fails with a registered error and leaves
// the store, the events and the hooks untouched; that after an accepted one
// the exported genesis still validates; and that the same Msg on the same
// state gives the same response, error, writes and events.
func FuzzMsgServer(f *testing.F) {
	base := newFuzzFixture(f)
	garden, closed := uint64(1), uint64(2)
	digest := make([]byte, 32)
	seeds := []fuzzmsg.Msg{
		&types.MsgCreateCommunity{
			Creator: base.addr("bob"), Name: "Orchard", Description: "Fruit trees", Location: "Kyoto",
			JoinPolicy: types.JoinPolicyApproval, Username: "bob",
		},
		&types.MsgCreateCommunity{Creator: base.addr("bob"), Name: "gARDEN", JoinPolicy: types.JoinPolicyOpen, Username: "bob"},
		&types.MsgCreateCommunity{Creator: base.addr("bob"), Name: "\uff27\uff41\uff52\uff44\uff45\uff4e", JoinPolicy: types.JoinPolicyOpen, Username: "bob"},
		&types.MsgCreateCommunity{Creator: base.addr("bob"), Name: "G\u0430rden", JoinPolicy: types.JoinPolicyOpen, Username: "bob"},
		&types.MsgCreateCommunity{Creator: base.addr("bob"), Name: "金沢 Garden", JoinPolicy: types.JoinPolicyOpen, Username: "bob"},
		&types.MsgCreateCommunity{Creator: "kizuna1nope", Name: "Gar\u200bden", JoinPolicy: 7, Username: "b-b"},
		&types.MsgUpdateCommunity{Admin: base.addr("alice"), CommunityId: garden, Description: "Vegetables"},
		&types.MsgUpdateCommunity{Admin: base.addr("alice"), CommunityId: garden, Name: "CLOSED", JoinPolicy: types.JoinPolicyApproval},
		&types.MsgUpdateCommunity{Admin: base.addr("mod"), CommunityId: garden, ClearFields: []string{"location", "location"}},
		&types.MsgJoinCommunity{
			Member: base.addr("carol"), CommunityId: garden, Username: "carol", FirstName: "Carol", LastName: "Sato",
			Description: "Gardener", Location: "Kyoto", AvatarUri: "https://example.org/carol.png", AvatarSha256: digest,
		},
		&types.MsgJoinCommunity{Member: base.addr("carol"), CommunityId: closed, Username: "PAT"},
		&types.MsgJoinCommunity{Member: base.addr("carol"), CommunityId: 99, Username: "carol", AvatarSha256: digest[:31]},
		&types.MsgApproveMember{Reviewer: base.addr("alice"), CommunityId: closed, Member: base.addr("pat")},
		&types.MsgApproveMember{Reviewer: base.addr("bob"), CommunityId: garden, Member: base.addr("tom")},
		&types.MsgRejectMember{Reviewer: base.addr("alice"), CommunityId: closed, Member: base.addr("pat")},
		&types.MsgLeaveCommunity{Member: base.addr("bob"), CommunityId: garden},
		&types.MsgLeaveCommunity{Member: base.addr("alice"), CommunityId: garden},
		&types.MsgRemoveMember{Admin: base.addr("alice"), CommunityId: garden, Member: base.addr("tom")},
		&types.MsgRemoveMember{Admin: base.addr("alice"), CommunityId: closed, Member: base.addr("pat")},
		&types.MsgSetMemberRole{Admin: base.addr("alice"), CommunityId: garden, Member: base.addr("bob"), Role: types.RoleAdmin},
		&types.MsgSetMemberRole{Admin: base.addr("alice"), CommunityId: garden, Member: base.addr("alice"), Role: types.RoleMember},
		&types.MsgSetMemberRole{Admin: base.addr("alice"), CommunityId: garden, Member: base.addr("bob"), Role: 42},
		&types.MsgUpdateProfile{
			Member: base.addr("bob"), CommunityId: garden, Username: "Bobby", AvatarUri: "ipfs://bob", ClearFields: []string{"location"},
		},
		&types.MsgUpdateProfile{Member: base.addr("bob"), CommunityId: garden, AvatarSha256: digest},
		&types.MsgUpdateProfile{Member: base.addr("bob"), CommunityId: garden, Username: "TOM"},
		&types.MsgUpdateParams{Authority: base.keeper.GetAuthority(), Params: types.DefaultParams()},
		&types.MsgUpdateParams{Authority: base.addr("alice"), Params: types.DefaultParams()},
		&types.MsgUpdateParams{Authority: base.keeper.GetAuthority(), Params: types.Params{MinUsernameLength: 9}},
	}
	fuzzmsg.Server[fuzzState]{
		Service: types.Msg_serviceDesc, Impl: base.msgs, Ctx: &base.ctx, Errors: msgServerErrors,
		Reset: func() { base.hooks.calls = nil },
		State: func(t *testing.T) fuzzState {
			return fuzzState{Store: base.rawStore(t), Hooks: base.hooks.calls}
		},
		RequireUnchanged: func(t *testing.T, before, after fuzzState, method string) {
			require.Equal(t, before.Store, after.Store, "state changed by a rejected %s", method)
			require.Empty(t, after.Hooks, "hooks called by a rejected %s", method)
		},
		Accepted: fuzzmsg.GenesisValidates(base.keeper.ExportGenesis),
	}.Fuzz(f, seeds...)
}

// newFuzzFixture returns a fixture holding Garden and Closed, built like
// newFixture but for any testing.TB.
func newFuzzFixture(tb testing.TB) *fixture {
	tb.Helper()
	k, ctx, key := keepertest.CommunityKeeperWithStoreKey(tb)
	hooks := &recordingHooks{}
	k.SetHooks(hooks)
	f := &fixture{ctx: ctx, key: key, keeper: k, msgs: keeper.NewMsgServerImpl(k), query: keeper.NewQueryServerImpl(k), hooks: hooks}
	run := func(_ any, err error) { require.NoError(tb, err) }
	run(f.msgs.CreateCommunity(ctx, &types.MsgCreateCommunity{
		Creator: f.addr("alice"), Name: "Garden", Location: "Kyoto", JoinPolicy: types.JoinPolicyOpen, Username: "alice",
	}))
	run(f.msgs.CreateCommunity(ctx, &types.MsgCreateCommunity{
		Creator: f.addr("alice"), Name: "Closed", JoinPolicy: types.JoinPolicyApproval, Username: "alice",
	}))
	for _, name := range []string{"mod", "tom", "bob"} {
		run(f.msgs.JoinCommunity(ctx, &types.MsgJoinCommunity{Member: f.addr(name), CommunityId: 1, Username: name, Location: "Kyoto"}))
	}
	run(f.msgs.SetMemberRole(ctx, &types.MsgSetMemberRole{Admin: f.addr("alice"), CommunityId: 1, Member: f.addr("mod"), Role: types.RoleModerator}))
	run(f.msgs.SetMemberRole(ctx, &types.MsgSetMemberRole{Admin: f.addr("alice"), CommunityId: 1, Member: f.addr("tom"), Role: types.RoleTeller}))
	run(f.msgs.JoinCommunity(ctx, &types.MsgJoinCommunity{Member: f.addr("pat"), CommunityId: 2, Username: "pat"}))
	hooks.calls = nil
	return f
}

// fuzzState is what FuzzMsgServer compares around a Msg: the module's store
// and the hook calls the Msg made.
type fuzzState struct {
	Store map[string]string
	Hooks []hookCall
}
