package keeper_test

import (
	"context"
	"strings"
	"testing"

	"github.com/cometbft/cometbft/crypto"
	"github.com/stretchr/testify/require"

	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	"github.com/kizuna-chain/kizuna/x/community/keeper"
	"github.com/kizuna-chain/kizuna/x/community/types"
)

// fixture is a community keeper over an in-memory store with its servers and
// a hook recorder.
type fixture struct {
	ctx    sdk.Context
	key    *storetypes.KVStoreKey
	keeper keeper.Keeper
	msgs   types.MsgServer
	query  types.QueryServer
	hooks  *recordingHooks
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	k, ctx, key := keepertest.CommunityKeeperWithStoreKey(t)
	hooks := &recordingHooks{}
	k.SetHooks(hooks)
	return &fixture{
		ctx:    ctx,
		key:    key,
		keeper: k,
		msgs:   keeper.NewMsgServerImpl(k),
		query:  keeper.NewQueryServerImpl(k),
		hooks:  hooks,
	}
}

// addr returns a deterministic account address for a name.
func (f *fixture) addr(name string) string { return keepertest.Addr(name) }

func (f *fixture) accAddr(name string) sdk.AccAddress { return keepertest.AccAddress(name) }

// createCommunity creates an OPEN community named name whose admin is
// creator, with creator as username.
func (f *fixture) createCommunity(t *testing.T, creator, name string, policy types.JoinPolicy) uint64 {
	t.Helper()
	res, err := f.msgs.CreateCommunity(f.ctx, &types.MsgCreateCommunity{
		Creator:    f.addr(creator),
		Name:       name,
		JoinPolicy: policy,
		Username:   creator,
	})
	require.NoError(t, err)
	return res.Id
}

// join joins the community with username name and returns the new status.
func (f *fixture) join(t *testing.T, id uint64, name string) types.MemberStatus {
	t.Helper()
	res, err := f.msgs.JoinCommunity(f.ctx, &types.MsgJoinCommunity{
		Member:      f.addr(name),
		CommunityId: id,
		Username:    name,
	})
	require.NoError(t, err)
	return res.Status
}

func (f *fixture) setRole(t *testing.T, id uint64, admin, member string, role types.Role) {
	t.Helper()
	_, err := f.msgs.SetMemberRole(f.ctx, &types.MsgSetMemberRole{
		Admin: f.addr(admin), CommunityId: id, Member: f.addr(member), Role: role,
	})
	require.NoError(t, err)
}

func (f *fixture) member(t *testing.T, id uint64, name string) types.Member {
	t.Helper()
	m, err := f.keeper.GetMember(f.ctx, id, f.accAddr(name))
	require.NoError(t, err)
	return m
}

func (f *fixture) export(t *testing.T) *types.GenesisState {
	t.Helper()
	gs, err := f.keeper.ExportGenesis(f.ctx)
	require.NoError(t, err)
	return gs
}

// rawStore returns every key and value of the module's store, indexes
// included.
func (f *fixture) rawStore(t *testing.T) map[string]string {
	return keepertest.RawStore(t, f.ctx, f.key)
}

// requireRejected checks that run fails with want and changes nothing: not
// a byte of the store (indexes included), not the events, not the hook calls.
func (f *fixture) requireRejected(t *testing.T, want error, run func() error) {
	t.Helper()
	calls := len(f.hooks.calls)
	keepertest.RequireRejected(t, f.ctx, keepertest.StoreSnapshot(t, f.ctx, f.key), want, run)
	require.Len(t, f.hooks.calls, calls, "hooks called by a rejected message")
}

// eventTypes returns the types of the events emitted so far.
func (f *fixture) eventTypes() []string { return keepertest.EventTypes(f.ctx) }

// resetEvents starts a fresh event manager, as a new transaction would.
func (f *fixture) resetEvents() {
	f.ctx = f.ctx.WithEventManager(sdk.NewEventManager())
}

type hookCall struct {
	kind      string
	community uint64
	member    string
}

type recordingHooks struct {
	calls []hookCall
	fail  error
}

var _ types.CommunityHooks = (*recordingHooks)(nil)

func (h *recordingHooks) AfterMemberActivated(_ context.Context, id uint64, member sdk.AccAddress) error {
	if h.fail != nil {
		return h.fail
	}
	h.calls = append(h.calls, hookCall{"activated", id, member.String()})
	return nil
}

func (h *recordingHooks) AfterMemberRemoved(_ context.Context, id uint64, member sdk.AccAddress) error {
	if h.fail != nil {
		return h.fail
	}
	h.calls = append(h.calls, hookCall{"removed", id, member.String()})
	return nil
}

func TestNewKeeper_PanicsOnBadWiring(t *testing.T) {
	k, _ := keepertest.CommunityKeeper(t)
	require.PanicsWithValue(t, "community keeper: hooks already set", func() {
		k.SetHooks(&recordingHooks{})
		k.SetHooks(&recordingHooks{})
	})
	require.Panics(t, func() {
		keeper.NewKeeper(nil, nil, k.AddressCodec(), k.GetAuthority())
	})
}

func TestSetHooks_SharedByKeeperCopies(t *testing.T) {
	k, ctx := keepertest.CommunityKeeper(t)
	msgs := keeper.NewMsgServerImpl(k) // copies k before the hooks are set
	hooks := &recordingHooks{}
	k.SetHooks(hooks)

	creator, err := k.AddressCodec().BytesToString(crypto.AddressHash([]byte("a")))
	require.NoError(t, err)
	_, err = msgs.CreateCommunity(ctx, &types.MsgCreateCommunity{
		Creator: creator, Name: "x", JoinPolicy: types.JoinPolicyOpen, Username: "abc",
	})
	require.NoError(t, err)
	require.Len(t, hooks.calls, 1)
}

func TestReadAPI_ReportsMembershipAndRoles(t *testing.T) {
	f := newFixture(t)
	id := f.createCommunity(t, "alice", "Garden", types.JoinPolicyApproval)
	f.join(t, id, "bob")

	active, err := f.keeper.IsActiveMember(f.ctx, id, f.accAddr("alice"))
	require.NoError(t, err)
	require.True(t, active)

	active, err = f.keeper.IsActiveMember(f.ctx, id, f.accAddr("bob"))
	require.NoError(t, err)
	require.False(t, active, "a pending request is not an active member")

	active, err = f.keeper.IsActiveMember(f.ctx, id+1, f.accAddr("alice"))
	require.NoError(t, err)
	require.False(t, active)

	isAdmin, err := f.keeper.HasRole(f.ctx, id, f.accAddr("alice"), types.RoleAdmin)
	require.NoError(t, err)
	require.True(t, isAdmin)
	isTeller, err := f.keeper.HasRole(f.ctx, id, f.accAddr("alice"), types.RoleTeller, types.RoleModerator)
	require.NoError(t, err)
	require.False(t, isTeller)

	_, err = f.keeper.GetCommunity(f.ctx, 99)
	require.ErrorIs(t, err, types.ErrCommunityNotFound)
	_, err = f.keeper.GetMember(f.ctx, id, f.accAddr("carol"))
	require.ErrorIs(t, err, types.ErrMemberNotFound)
}

// long returns s repeated to n characters.
func long(n int) string {
	return strings.Repeat("a", n)
}
