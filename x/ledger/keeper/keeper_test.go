package keeper_test

import (
	"context"
	"encoding/json"
	"math/big"
	"strings"
	"testing"
	"time"

	abci "github.com/cometbft/cometbft/abci/types"
	gogoproto "github.com/cosmos/gogoproto/proto"
	"github.com/stretchr/testify/require"

	errorsmod "cosmossdk.io/errors"
	sdkmath "cosmossdk.io/math"

	"github.com/cosmos/cosmos-sdk/runtime"
	storetypes "github.com/cosmos/cosmos-sdk/store/v2/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authkeeper "github.com/cosmos/cosmos-sdk/x/auth/keeper"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"

	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/keeper"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// fixture is a ledger keeper wired to real account, bank, feegrant and
// community keepers and a fake ads keeper, with its servers. Every test that
// builds one ends by checking the ledger invariants (see
// keepertest.LedgerKeeper).
type fixture struct {
	env       keepertest.LedgerEnv
	ctx       sdk.Context
	keeper    keeper.Keeper
	msgs      types.MsgServer
	query     types.QueryServer
	community communitytypes.MsgServer
	ads       *fakeAds
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := newFixtureWithoutAds(t)
	f.keeper.SetAdsKeeper(f.ads)
	return f
}

// newFixtureWithoutAds returns a fixture whose keeper has no ads keeper yet;
// f.ads is the fake to set.
func newFixtureWithoutAds(t *testing.T) *fixture {
	t.Helper()
	env := keepertest.LedgerKeeper(t)
	f := &fixture{
		env:       env,
		ctx:       env.Ctx,
		keeper:    env.Keeper,
		msgs:      keeper.NewMsgServerImpl(env.Keeper),
		query:     keeper.NewQueryServerImpl(env.Keeper),
		community: communitykeeper.NewMsgServerImpl(env.Community),
		ads:       newFakeAds(),
	}
	return f
}

// The garden community of most tests: alice is its admin, mod a moderator,
// tom a teller, bob and carol members; dave belongs to no community.
const (
	garden = uint64(1)
	gdd    = "cc/1/GDD"
	// unit is one GDD: 10^4 base units.
	unit = 10_000
	// monthCap is the default monthly cap of GDD: 1000 GDD.
	monthCap = 1000 * unit
)

// newGarden returns a fixture with the garden community and its currency
// GDD (4 decimals, no fee, admin issuance and contributions).
func newGarden(t *testing.T) *fixture {
	t.Helper()
	return newGardenWith(t, nil)
}

// newGardenWith returns the garden of newGarden whose GDD is created by the
// MsgCreateCurrency of newGarden as set changes it: another policy, a fee, a
// half-life, limits.
func newGardenWith(t *testing.T, set func(*types.MsgCreateCurrency)) *fixture {
	t.Helper()
	f := newFixture(t)
	require.Equal(t, garden, f.createCommunity(t, "alice", "Garden"))
	for _, name := range []string{"mod", "tom", "bob", "carol"} {
		f.join(t, garden, name)
	}
	f.setRole(t, garden, "alice", "mod", communitytypes.RoleModerator)
	f.setRole(t, garden, "alice", "tom", communitytypes.RoleTeller)
	msg := &types.MsgCreateCurrency{Admin: f.addr("alice"), CommunityId: garden, Code: "GDD", Name: "GDD money", Decimals: 4}
	if set != nil {
		set(msg)
	}
	_, err := f.msgs.CreateCurrency(f.ctx, msg)
	require.NoError(t, err)
	f.resetEvents()
	return f
}

// addr returns a deterministic account address for a name.
func (f *fixture) addr(name string) string { return keepertest.Addr(name) }

func (f *fixture) accAddr(name string) sdk.AccAddress { return keepertest.AccAddress(name) }

func (f *fixture) createCommunity(t *testing.T, admin, name string) uint64 {
	t.Helper()
	res, err := f.community.CreateCommunity(f.memberSince(), &communitytypes.MsgCreateCommunity{
		Creator: f.addr(admin), Name: name, JoinPolicy: communitytypes.JoinPolicyOpen, Username: admin,
	})
	require.NoError(t, err)
	return res.Id
}

func (f *fixture) join(t *testing.T, id uint64, name string) {
	t.Helper()
	_, err := f.community.JoinCommunity(f.memberSince(), &communitytypes.MsgJoinCommunity{Member: f.addr(name), CommunityId: id, Username: name})
	require.NoError(t, err)
}

// memberSince is the context the fixture's communities are created and
// joined in: three months before the block, so that creation may target
// every month of the window.
func (f *fixture) memberSince() sdk.Context {
	return f.ctx.WithBlockTime(f.ctx.BlockTime().AddDate(0, -3, 0))
}

func (f *fixture) setRole(t *testing.T, id uint64, admin, member string, role communitytypes.Role) {
	t.Helper()
	_, err := f.community.SetMemberRole(f.ctx, &communitytypes.MsgSetMemberRole{
		Admin: f.addr(admin), CommunityId: id, Member: f.addr(member), Role: role,
	})
	require.NoError(t, err)
}

func (f *fixture) createCurrency(t *testing.T, id uint64, code string, decimals, feeBps uint32) {
	t.Helper()
	admin, err := f.env.Community.GetCommunity(f.ctx, id)
	require.NoError(t, err)
	_, err = f.msgs.CreateCurrency(f.ctx, &types.MsgCreateCurrency{
		Admin: admin.Creator, CommunityId: id, Code: code, Name: code + " money", Decimals: decimals, FeeBps: feeBps,
	})
	require.NoError(t, err)
}

func (f *fixture) issue(t *testing.T, id uint64, issuer, recipient string, amount int64) {
	t.Helper()
	_, err := f.msgs.Issue(f.ctx, &types.MsgIssue{
		Issuer: f.addr(issuer), CommunityId: id, Recipient: f.addr(recipient), Amount: sdkmath.NewInt(amount), Memo: "top-up",
	})
	require.NoError(t, err)
}

func (f *fixture) submit(t *testing.T, contributor string, amount int64, month string) uint64 {
	t.Helper()
	res, err := f.msgs.SubmitContribution(f.ctx, &types.MsgSubmitContribution{
		Contributor: f.addr(contributor), CommunityId: garden, Amount: sdkmath.NewInt(amount), Memo: "garden work", Month: month,
	})
	require.NoError(t, err)
	return res.Id
}

func (f *fixture) balance(name, denom string) sdkmath.Int {
	return f.env.Bank.GetBalance(f.ctx, f.accAddr(name), denom).Amount
}

func (f *fixture) supply(denom string) sdkmath.Int {
	return f.env.Bank.GetSupply(f.ctx, denom).Amount
}

func (f *fixture) history(t *testing.T, name string) []types.Entry {
	t.Helper()
	res, err := f.query.History(f.ctx, &types.QueryHistoryRequest{Address: f.addr(name), CommunityId: garden})
	require.NoError(t, err)
	return res.Entries
}

func (f *fixture) contribution(t *testing.T, id uint64) types.Contribution {
	t.Helper()
	c, err := f.keeper.GetContribution(f.ctx, id)
	require.NoError(t, err)
	return c
}

func (f *fixture) created(t *testing.T, name, month string) sdkmath.Int {
	t.Helper()
	res, err := f.query.MonthlyCreated(f.ctx, &types.QueryMonthlyCreatedRequest{CommunityId: garden, Address: f.addr(name), Month: month})
	require.NoError(t, err)
	return res.Created
}

// transfer sends amount of GDD from one member of the garden to another,
// expecting the fee GDD charges.
func (f *fixture) transfer(from, to string, amount int64) (*types.MsgTransferResponse, error) {
	c, err := f.keeper.GetCurrency(f.ctx, garden)
	if err != nil {
		return nil, err
	}
	return f.msgs.Transfer(f.ctx, &types.MsgTransfer{
		Sender: f.addr(from), CommunityId: garden, Recipient: f.addr(to), Amount: sdkmath.NewInt(amount), ExpectedFeeBps: c.FeeBps,
	})
}

// pay is transfer that must succeed.
func (f *fixture) pay(t *testing.T, from, to string, amount int64) {
	t.Helper()
	_, err := f.transfer(from, to, amount)
	require.NoError(t, err)
}

// account returns the Account query's answer for a member of the garden.
func (f *fixture) account(t *testing.T, name string) *types.QueryAccountResponse {
	t.Helper()
	res, err := f.query.Account(f.ctx, &types.QueryAccountRequest{CommunityId: garden, Address: f.addr(name)})
	require.NoError(t, err)
	return res
}

// currency returns the Currency query's answer for GDD: the currency, its
// supply, and its created, debt and decayed totals.
func (f *fixture) currency(t *testing.T) *types.QueryCurrencyResponse {
	t.Helper()
	res, err := f.query.Currency(f.ctx, &types.QueryCurrencyRequest{CommunityId: garden})
	require.NoError(t, err)
	return res
}

// setLimits sends alice's MsgSetAccountLimits for a member of the garden;
// set fills in the limits.
func (f *fixture) setLimits(member string, set func(*types.MsgSetAccountLimits)) error {
	msg := &types.MsgSetAccountLimits{Admin: f.addr("alice"), CommunityId: garden, Member: f.addr(member)}
	set(msg)
	_, err := f.msgs.SetAccountLimits(f.ctx, msg)
	return err
}

// advance moves the block time on by d; the stores stay the same.
func (f *fixture) advance(d time.Duration) {
	f.ctx = f.ctx.WithBlockTime(f.ctx.BlockTime().Add(d))
}

// lastEvent returns the last typed event of type E emitted so far.
func lastEvent[E gogoproto.Message](t *testing.T, f *fixture) E {
	t.Helper()
	var zero E
	name := gogoproto.MessageName(zero)
	events := f.ctx.EventManager().Events()
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Type != name {
			continue
		}
		msg, err := sdk.ParseTypedEvent(abci.Event(events[i]))
		require.NoError(t, err)
		e, ok := msg.(E)
		require.True(t, ok, "%s parses as %T", name, msg)
		return e
	}
	t.Fatalf("no %s emitted", name)
	return zero
}

// requireSameJSON checks that want and got write the same JSON: amounts
// compare by value, whatever their big.Int holds inside.
func requireSameJSON(t *testing.T, want, got any) {
	t.Helper()
	wantJSON, err := json.Marshal(want)
	require.NoError(t, err)
	gotJSON, err := json.Marshal(got)
	require.NoError(t, err)
	require.JSONEq(t, string(wantJSON), string(gotJSON))
}

// intPtr returns a pointer to n as an sdkmath.Int, for the optional amounts
// of MsgSetAccountLimits.
func intPtr(n int64) *sdkmath.Int {
	v := sdkmath.NewInt(n)
	return &v
}

// snapshot is everything a rejected Msg must leave as it was.
type snapshot struct {
	stores map[string]map[string]string
	ads    map[uint64]fakeAd
	events int
}

// snapshot returns every key and value of the stores of x/auth, x/bank,
// x/feegrant, x/community and x/ledger (indexes included), the fake ads and
// the number of events.
func (f *fixture) snapshot(t *testing.T) snapshot {
	t.Helper()
	stores := make(map[string]map[string]string, len(f.env.Keys))
	for name, key := range f.env.Keys {
		it := f.ctx.KVStore(key).Iterator(nil, nil)
		kv := map[string]string{}
		for ; it.Valid(); it.Next() {
			kv[string(it.Key())] = string(it.Value())
		}
		require.NoError(t, it.Close())
		stores[name] = kv
	}
	return snapshot{stores: stores, ads: f.ads.snapshot(), events: len(f.ctx.EventManager().Events())}
}

// requireRejected checks that run fails with want and changes nothing: not
// a byte of the ledger, community, bank, auth or feegrant stores (balances,
// supply, accounts and fee grants included), not an ad, and emits no event.
func (f *fixture) requireRejected(t *testing.T, want error, run func() error) {
	t.Helper()
	before := f.snapshot(t)
	err := run()
	require.ErrorIs(t, err, want)
	after := f.snapshot(t)
	for name := range before.stores {
		require.Equal(t, before.stores[name], after.stores[name], "the %s store changed by a rejected message", name)
	}
	require.Equal(t, before.ads, after.ads, "ads changed by a rejected message")
	require.Equal(t, before.events, after.events, "events emitted by a rejected message")
}

// eventTypes returns the types of the typed events of Kizuna's modules
// emitted so far; x/bank's events are left out.
func (f *fixture) eventTypes() []string {
	var out []string
	for _, e := range f.ctx.EventManager().Events() {
		if strings.HasPrefix(e.Type, "kizuna.") {
			out = append(out, e.Type)
		}
	}
	return out
}

// resetEvents starts a fresh event manager, as a new transaction would.
func (f *fixture) resetEvents() {
	f.ctx = f.ctx.WithEventManager(sdk.NewEventManager())
}

// Errors of the fake ads keeper; the real one has registered errors too.
var (
	errAdNotFound      = errorsmod.Register("fakeads", 2, "ad not found")
	errAdWrongCommunit = errorsmod.Register("fakeads", 3, "ad belongs to another community")
	errAdClosed        = errorsmod.Register("fakeads", 4, "ad is closed")
	errAdNotPayable    = errorsmod.Register("fakeads", 5, "payment rule forbids this payment")
)

type fakeAd struct {
	community uint64
	owner     string
	want      bool // a WANT ad; otherwise a GIVE ad
	closed    bool
	paid      bool
	price     sdkmath.Int
}

// fakeAds enforces the payment rule of Commons OS like x/ads: the owner of a
// WANT ad pays, anyone but the owner pays the owner of a GIVE ad.
type fakeAds struct {
	ads map[uint64]*fakeAd
}

var _ types.AdsKeeper = (*fakeAds)(nil)

func newFakeAds() *fakeAds {
	return &fakeAds{ads: map[uint64]*fakeAd{}}
}

func (a *fakeAds) add(id uint64, ad fakeAd) {
	a.ads[id] = &ad
}

func (a *fakeAds) CheckPayment(_ context.Context, adID, communityID uint64, payer, payee sdk.AccAddress) error {
	ad, ok := a.ads[adID]
	switch {
	case !ok:
		return errAdNotFound.Wrapf("ad %d", adID)
	case ad.community != communityID:
		return errAdWrongCommunit.Wrapf("ad %d is in community %d", adID, ad.community)
	case ad.closed:
		return errAdClosed.Wrapf("ad %d", adID)
	case ad.want && payer.String() != ad.owner:
		return errAdNotPayable.Wrap("only the owner pays for a WANT ad")
	case !ad.want && (payer.String() == ad.owner || payee.String() != ad.owner):
		return errAdNotPayable.Wrap("anyone but the owner pays the owner of a GIVE ad")
	}
	return nil
}

func (a *fakeAds) MarkPaid(_ context.Context, adID uint64, amount sdkmath.Int) error {
	ad, ok := a.ads[adID]
	if !ok {
		return errAdNotFound.Wrapf("ad %d", adID)
	}
	if ad.price.IsNil() || amount.GTE(ad.price) {
		ad.paid = true
	}
	return nil
}

func (a *fakeAds) snapshot() map[uint64]fakeAd {
	out := make(map[uint64]fakeAd, len(a.ads))
	for id, ad := range a.ads {
		out[id] = *ad
	}
	return out
}

func TestNewKeeper_PanicsOnBadWiring(t *testing.T) {
	env := keepertest.LedgerKeeper(t)
	ac := env.Keeper.AddressCodec()
	storeService := runtime.NewKVStoreService(storetypes.NewKVStoreKey(types.StoreKey))
	transientService := runtime.NewTransientStoreService(storetypes.NewTransientStoreKey(types.TransientStoreKey))
	build := func(authority string, account types.AccountKeeper, bank types.BankKeeper, community types.CommunityKeeper) func() {
		return func() {
			keeper.NewKeeper(env.Codec, storeService, transientService, ac, authority, account, bank, community)
		}
	}
	authority := env.Keeper.GetAuthority()
	require.NotPanics(t, build(authority, env.Account, env.Bank, env.Community))
	require.PanicsWithValue(t, "ledger keeper: nil account keeper", build(authority, nil, env.Bank, env.Community))
	require.PanicsWithValue(t, "ledger keeper: nil transient store service", func() {
		keeper.NewKeeper(env.Codec, storeService, nil, ac, authority, env.Account, env.Bank, env.Community)
	})
	require.PanicsWithValue(t, "ledger keeper: nil bank keeper", build(authority, env.Account, nil, env.Community))
	require.PanicsWithValue(t, "ledger keeper: nil community keeper", build(authority, env.Account, env.Bank, nil))
	require.Panics(t, build("cosmos1xyz", env.Account, env.Bank, env.Community), "authority of another chain")
	require.PanicsWithValue(t, "ledger sponsor: nil feegrant keeper", func() {
		keeper.NewSponsor(env.Keeper, nil, sdk.NewInt64DecCoin("ukiz", 0))
	})

	withoutModuleAccount := authkeeper.NewAccountKeeper(env.Codec, storeService, authtypes.ProtoBaseAccount,
		map[string][]string{}, ac, keepertest.Bech32AccountPrefix, authority)
	require.PanicsWithValue(t, "ledger keeper: the ledger module account is not registered with the account keeper",
		build(authority, withoutModuleAccount, env.Bank, env.Community))
}

func TestSetAdsKeeper_OnceAndSharedByKeeperCopies(t *testing.T) {
	f := newFixtureWithoutAds(t) // f.msgs copied the keeper before the ads keeper is set
	f.createCommunity(t, "alice", "Garden")
	f.join(t, garden, "bob")
	f.createCurrency(t, garden, "GDD", 4, 0)
	f.issue(t, garden, "alice", "bob", 100)
	transfer := func() error {
		_, err := f.msgs.Transfer(f.ctx, &types.MsgTransfer{
			Sender: f.addr("bob"), CommunityId: garden, Recipient: f.addr("alice"), Amount: sdkmath.NewInt(1), AdId: 1,
		})
		return err
	}
	f.requireRejected(t, types.ErrAdsUnavailable, transfer)

	require.PanicsWithValue(t, "ledger keeper: nil ads keeper", func() { f.keeper.SetAdsKeeper(nil) })
	f.ads.add(1, fakeAd{community: garden, owner: f.accAddr("alice").String()})
	f.keeper.SetAdsKeeper(f.ads)
	require.PanicsWithValue(t, "ledger keeper: ads keeper already set", func() { f.keeper.SetAdsKeeper(newFakeAds()) })

	require.NoError(t, transfer(), "the Msg server's copy of the keeper sees the ads keeper")
	require.True(t, f.ads.ads[1].paid)
}

// maxInt is the largest amount x/bank holds: 2^256 − 1.
func maxInt() sdkmath.Int {
	return sdkmath.NewIntFromBigInt(new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)))
}

func oneInt() sdkmath.Int {
	return sdkmath.OneInt()
}

// long returns s repeated to n characters.
func long(n int) string {
	return strings.Repeat("a", n)
}
