package keeper_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/testutil/fuzzmsg"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/community/keeper"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

// msgServerErrors are the errors the Msg server may return: the module's
// registered errors and the SDK's for addresses and authority. Any other
// error is a bug.
var msgServerErrors = []error{
	types.ErrInvalidName, types.ErrNameTaken, types.ErrInvalidDescription, types.ErrInvalidLocation,
	types.ErrInvalidJoinPolicy, types.ErrCommunityNotFound, types.ErrInvalidUsername, types.ErrUsernameTaken,
	types.ErrInvalidPersonName, types.ErrInvalidAvatar, types.ErrAlreadyMember, types.ErrMemberNotFound,
	types.ErrMemberNotActive, types.ErrMemberNotPending, types.ErrNotPermitted, types.ErrLastAdmin,
	types.ErrInvalidRole, types.ErrInvalidStatus, types.ErrNothingToUpdate, types.ErrInvalidClearField,
	types.ErrInvalidParams, types.ErrInvalidGenesis, types.ErrInvalidSearch, types.ErrCreatorOnly,
	sdkerrors.ErrInvalidAddress, sdkerrors.ErrUnauthorized,
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
	seeds := []struct {
		method string
		msg    interface{ Marshal() ([]byte, error) }
	}{
		{"CreateCommunity", &types.MsgCreateCommunity{
			Creator: base.addr("bob"), Name: "Orchard", Description: "Fruit trees", Location: "Kyoto",
			JoinPolicy: types.JoinPolicyApproval, Username: "bob",
		}},
		{"CreateCommunity", &types.MsgCreateCommunity{Creator: base.addr("bob"), Name: "gARDEN", JoinPolicy: types.JoinPolicyOpen, Username: "bob"}},
		{"CreateCommunity", &types.MsgCreateCommunity{Creator: base.addr("bob"), Name: "\uff27\uff41\uff52\uff44\uff45\uff4e", JoinPolicy: types.JoinPolicyOpen, Username: "bob"}},
		{"CreateCommunity", &types.MsgCreateCommunity{Creator: base.addr("bob"), Name: "G\u0430rden", JoinPolicy: types.JoinPolicyOpen, Username: "bob"}},
		{"CreateCommunity", &types.MsgCreateCommunity{Creator: base.addr("bob"), Name: "金沢 Garden", JoinPolicy: types.JoinPolicyOpen, Username: "bob"}},
		{"CreateCommunity", &types.MsgCreateCommunity{Creator: "kizuna1nope", Name: "Gar\u200bden", JoinPolicy: 7, Username: "b-b"}},
		{"UpdateCommunity", &types.MsgUpdateCommunity{Admin: base.addr("alice"), CommunityId: garden, Description: "Vegetables"}},
		{"UpdateCommunity", &types.MsgUpdateCommunity{Admin: base.addr("alice"), CommunityId: garden, Name: "CLOSED", JoinPolicy: types.JoinPolicyApproval}},
		{"UpdateCommunity", &types.MsgUpdateCommunity{Admin: base.addr("mod"), CommunityId: garden, ClearFields: []string{"location", "location"}}},
		{"JoinCommunity", &types.MsgJoinCommunity{
			Member: base.addr("carol"), CommunityId: garden, Username: "carol", FirstName: "Carol", LastName: "Sato",
			Description: "Gardener", Location: "Kyoto", AvatarUri: "https://example.org/carol.png", AvatarSha256: digest,
		}},
		{"JoinCommunity", &types.MsgJoinCommunity{Member: base.addr("carol"), CommunityId: closed, Username: "PAT"}},
		{"JoinCommunity", &types.MsgJoinCommunity{Member: base.addr("carol"), CommunityId: 99, Username: "carol", AvatarSha256: digest[:31]}},
		{"ApproveMember", &types.MsgApproveMember{Reviewer: base.addr("alice"), CommunityId: closed, Member: base.addr("pat")}},
		{"ApproveMember", &types.MsgApproveMember{Reviewer: base.addr("bob"), CommunityId: garden, Member: base.addr("tom")}},
		{"RejectMember", &types.MsgRejectMember{Reviewer: base.addr("alice"), CommunityId: closed, Member: base.addr("pat")}},
		{"LeaveCommunity", &types.MsgLeaveCommunity{Member: base.addr("bob"), CommunityId: garden}},
		{"LeaveCommunity", &types.MsgLeaveCommunity{Member: base.addr("alice"), CommunityId: garden}},
		{"RemoveMember", &types.MsgRemoveMember{Admin: base.addr("alice"), CommunityId: garden, Member: base.addr("tom")}},
		{"RemoveMember", &types.MsgRemoveMember{Admin: base.addr("alice"), CommunityId: closed, Member: base.addr("pat")}},
		{"SetMemberRole", &types.MsgSetMemberRole{Admin: base.addr("alice"), CommunityId: garden, Member: base.addr("bob"), Role: types.RoleAdmin}},
		{"SetMemberRole", &types.MsgSetMemberRole{Admin: base.addr("alice"), CommunityId: garden, Member: base.addr("alice"), Role: types.RoleMember}},
		{"SetMemberRole", &types.MsgSetMemberRole{Admin: base.addr("alice"), CommunityId: garden, Member: base.addr("bob"), Role: 42}},
		{"UpdateProfile", &types.MsgUpdateProfile{
			Member: base.addr("bob"), CommunityId: garden, Username: "Bobby", AvatarUri: "ipfs://bob", ClearFields: []string{"location"},
		}},
		{"UpdateProfile", &types.MsgUpdateProfile{Member: base.addr("bob"), CommunityId: garden, AvatarSha256: digest}},
		{"UpdateProfile", &types.MsgUpdateProfile{Member: base.addr("bob"), CommunityId: garden, Username: "TOM"}},
		{"UpdateParams", &types.MsgUpdateParams{Authority: base.keeper.GetAuthority(), Params: types.DefaultParams()}},
		{"UpdateParams", &types.MsgUpdateParams{Authority: base.addr("alice"), Params: types.DefaultParams()}},
		{"UpdateParams", &types.MsgUpdateParams{Authority: base.keeper.GetAuthority(), Params: types.Params{MinUsernameLength: 9}}},
	}
	for _, seed := range seeds {
		bz, err := seed.msg.Marshal()
		require.NoError(f, err)
		f.Add(fuzzmsg.MethodIndex(f, types.Msg_serviceDesc, seed.method), bz)
	}
	f.Add(uint8(0), []byte{})
	f.Fuzz(func(t *testing.T, method uint8, bz []byte) {
		first, ok := base.runMsg(t, method, bz)
		if !ok {
			return
		}
		second, _ := base.runMsg(t, method, bz)
		require.Equal(t, first, second, "the Msg server is not deterministic")
	})
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

// msgOutcome is everything a Msg did, compared between two runs.
type msgOutcome struct {
	Response any
	Err      string
	Store    map[string]string
	Events   sdk.Events
	Hooks    []hookCall
}

// runMsg runs the Msg of the service's method (modulo the number of
// methods) encoded in bz on a branch of f's state, so that every run starts
// from the same state, and checks what it did. ok is false when bz does not
// decode.
func (f *fixture) runMsg(t *testing.T, method uint8, bz []byte) (out msgOutcome, ok bool) {
	t.Helper()
	desc := types.Msg_serviceDesc.Methods[int(method)%len(types.Msg_serviceDesc.Methods)]
	branch := *f
	branch.ctx, _ = f.ctx.CacheContext()
	f.hooks.calls = nil
	before := branch.rawStore(t)

	res, err := fuzzmsg.Call(branch.ctx, branch.msgs, desc, bz)
	if errors.Is(err, fuzzmsg.ErrUndecodable) {
		return msgOutcome{}, false
	}
	out = msgOutcome{Response: res, Store: branch.rawStore(t), Events: branch.ctx.EventManager().Events(), Hooks: f.hooks.calls}
	if err != nil {
		out.Err = err.Error()
		if !fuzzmsg.IsOneOf(err, msgServerErrors) {
			t.Fatalf("%s returned an unregistered error %T: %v", desc.MethodName, err, err)
		}
		require.Equal(t, before, out.Store, "state changed by a rejected %s", desc.MethodName)
		require.Empty(t, out.Events, "events emitted by a rejected %s", desc.MethodName)
		require.Empty(t, out.Hooks, "hooks called by a rejected %s", desc.MethodName)
		return out, true
	}
	require.NoError(t, branch.export(t).Validate(), "the state after an accepted %s", desc.MethodName)
	return out, true
}
