package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/testutil/fuzzmsg"
	keepertest "github.com/kizuna-chain/kizuna/testutil/keeper"
	communitykeeper "github.com/kizuna-chain/kizuna/x/community/keeper"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/keeper"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// msgServerErrors are the errors the Msg server may return besides the SDK's
// for addresses and authority: the module's registered errors, the
// community module's and the (fake) ads keeper's it passes on, and the
// SDK's for funds. Any other error is a bug.
var msgServerErrors = []error{
	types.ErrInvalidParams, types.ErrInvalidGenesis, types.ErrInvalidCode, types.ErrInvalidName,
	types.ErrInvalidDecimals, types.ErrInvalidIssuancePolicy, types.ErrInvalidFee, types.ErrCurrencyExists,
	types.ErrCurrencyNotFound, types.ErrDenomInUse, types.ErrNotPermitted, types.ErrNotMember,
	types.ErrInvalidAmount, types.ErrInvalidMemo, types.ErrInvalidMonth, types.ErrMonthOutOfWindow,
	types.ErrCapExceeded, types.ErrIssuanceNotAllowed, types.ErrContributionNotFound, types.ErrContributionClosed,
	types.ErrSelfReview, types.ErrSelfTransfer, types.ErrFeeMismatch, types.ErrAdsUnavailable,
	types.ErrNothingToUpdate, types.ErrInvalidClearField, types.ErrCurrencyRestricted, types.ErrInvalidRequest,
	types.ErrInvalidStatus,
	communitytypes.ErrCommunityNotFound, communitytypes.ErrMemberNotFound,
	errAdNotFound, errAdWrongCommunit, errAdClosed, errAdNotPayable,
	sdkerrors.ErrInsufficientFunds,
}

// Communities and pending contributions of the fuzz market.
const (
	fuzzOrchard = uint64(2) // olive admin, dave member; ORC, 2 decimals, 1.5 % fee, admin issuance only
	fuzzField   = uint64(3) // olive admin; no currency
	fuzzCarols  = uint64(1) // carol's pending GDD contribution for 2025-03
	fuzzBobs    = uint64(2) // bob's pending GDD contribution for this month
	fuzzDenied  = uint64(3) // bob's denied contribution
)

// FuzzMsgServer runs one Msg of any kind of the ledger Msg service, decoded
// from fuzzed protobuf bytes, through the Msg server, against the market of
// the transfer tests (Garden and GDD, balances, the fake ads) plus Orchard
// with a currency that charges a fee, Field without one, pending and denied
// contributions, and ukiz for fee accounts. It checks that the server never
// panics; that a rejected Msg fails with a registered error and leaves every
// store (ledger, community, bank, auth, feegrant), the ads and the events
// untouched; that after an accepted one the ledger invariants hold and the
// exported genesis validates; and that the same Msg on the same state gives
// the same response, error, writes and events.
func FuzzMsgServer(f *testing.F) {
	base := newFuzzMarket(f)
	seeds := []fuzzmsg.Msg{
		&types.MsgCreateCurrency{
			Admin: base.addr("olive"), CommunityId: fuzzField, Code: "FLD", Name: "Field money", Decimals: 2,
			IssuancePolicy: types.IssuancePolicyContribution, FeeBps: 10_000,
		},
		&types.MsgCreateCurrency{Admin: base.addr("alice"), CommunityId: garden, Code: "GDD", Name: "Again"},
		&types.MsgCreateCurrency{Admin: base.addr("dave"), CommunityId: fuzzField, Code: "fld", Name: " x", Decimals: 19, FeeBps: 10_001},
		&types.MsgUpdateCurrency{Admin: base.addr("alice"), CommunityId: garden, Name: "Garden dollar", FeeBps: 250},
		&types.MsgUpdateCurrency{Admin: base.addr("olive"), CommunityId: fuzzOrchard, ClearFields: []string{"fee"}},
		&types.MsgUpdateCurrency{Admin: base.addr("olive"), CommunityId: fuzzField, IssuancePolicy: types.IssuancePolicyAdmin},
		&types.MsgUpdateCurrency{Admin: base.addr("alice"), CommunityId: garden, FeeBps: 1, ClearFields: []string{"fee"}},
		&types.MsgIssue{
			Issuer: base.addr("tom"), CommunityId: garden, Recipient: base.addr("carol"), Amount: sdkmath.NewInt(5 * unit), Memo: "top-up", Month: "2025-02",
		},
		&types.MsgIssue{Issuer: base.addr("alice"), CommunityId: garden, Recipient: base.addr("bob"), Amount: sdkmath.NewInt(monthCap)},
		&types.MsgIssue{Issuer: base.addr("bob"), CommunityId: garden, Recipient: base.addr("erin"), Amount: maxInt(), Month: "2025-05"},
		&types.MsgIssue{Issuer: base.addr("olive"), CommunityId: fuzzOrchard, Recipient: base.addr("dave"), Amount: oneInt()},
		&types.MsgSubmitContribution{
			Contributor: base.addr("bob"), CommunityId: garden, Amount: sdkmath.NewInt(20 * unit), Memo: "Garden work, 20 hours", Month: "2025-02",
		},
		&types.MsgSubmitContribution{Contributor: base.addr("dave"), CommunityId: fuzzOrchard, Amount: oneInt(), Memo: "pears!"},
		&types.MsgSubmitContribution{Contributor: base.addr("carol"), CommunityId: garden, Amount: sdkmath.NewInt(-1), Memo: "abcd", Month: "0000-01"},
		&types.MsgConfirmContribution{Reviewer: base.addr("mod"), ContributionId: fuzzCarols},
		&types.MsgConfirmContribution{Reviewer: base.addr("bob"), ContributionId: fuzzBobs},
		&types.MsgConfirmContribution{Reviewer: base.addr("alice"), ContributionId: fuzzDenied},
		&types.MsgDenyContribution{Reviewer: base.addr("alice"), ContributionId: fuzzBobs, Reason: "not this month"},
		&types.MsgDenyContribution{Reviewer: base.addr("tom"), ContributionId: fuzzCarols, Reason: "a\x07b"},
		&types.MsgDeleteContribution{Contributor: base.addr("carol"), ContributionId: fuzzCarols},
		&types.MsgDeleteContribution{Contributor: base.addr("bob"), ContributionId: fuzzCarols},
		&types.MsgDeleteContribution{Contributor: base.addr("bob"), ContributionId: 99},
		&types.MsgTransfer{
			Sender: base.addr("bob"), CommunityId: garden, Recipient: base.addr("carol"), Amount: sdkmath.NewInt(5 * unit), Memo: "a piece of cake",
		},
		&types.MsgTransfer{Sender: base.addr("carol"), CommunityId: garden, Recipient: base.addr("bob"), Amount: sdkmath.NewInt(unit), AdId: bobsGiveAd},
		&types.MsgTransfer{Sender: base.addr("bob"), CommunityId: garden, Recipient: base.addr("carol"), Amount: oneInt(), AdId: bobsWantAd},
		&types.MsgTransfer{
			Sender: base.addr("dave"), CommunityId: fuzzOrchard, Recipient: base.addr("olive"), Amount: sdkmath.NewInt(66), ExpectedFeeBps: 150,
		},
		&types.MsgTransfer{
			Sender: base.addr("dave"), CommunityId: fuzzOrchard, Recipient: base.addr("olive"), Amount: sdkmath.NewInt(100 * 100), ExpectedFeeBps: 150,
		},
		&types.MsgTransfer{Sender: base.addr("bob"), CommunityId: garden, Recipient: base.addr("bob"), Amount: maxInt(), ExpectedFeeBps: 10_001},
		&types.MsgTransfer{Sender: base.addr("bob"), CommunityId: garden, Recipient: base.addr("erin"), Amount: oneInt(), AdId: closedGiveAd},
		&types.MsgFundFeeAccount{Admin: base.addr("alice"), CommunityId: garden, Amount: sdkmath.NewInt(2_000_000)},
		&types.MsgFundFeeAccount{Admin: base.addr("alice"), CommunityId: garden, Amount: sdkmath.NewInt(5_000_001)},
		&types.MsgFundFeeAccount{Admin: base.addr("bob"), CommunityId: 99, Amount: sdkmath.ZeroInt()},
		&types.MsgUpdateParams{Authority: base.keeper.GetAuthority(), Params: types.DefaultParams()},
		&types.MsgUpdateParams{Authority: base.keeper.GetAuthority(), Params: types.Params{FeeDenom: "ukiz"}},
		&types.MsgUpdateParams{Authority: base.addr("alice"), Params: types.DefaultParams()},
	}
	fuzzmsg.Server[snapshot]{
		Service: types.Msg_serviceDesc, Impl: base.msgs, Ctx: &base.ctx, Errors: msgServerErrors,
		Reset: base.resetAds,
		State: base.snapshot,
		RequireUnchanged: func(t *testing.T, before, after snapshot, method string) {
			for name := range before.stores {
				require.Equal(t, before.stores[name], after.stores[name], "the %s store changed by a rejected %s", name, method)
			}
			require.Equal(t, before.ads, after.ads, "ads changed by a rejected %s", method)
		},
		Accepted: func(ctx sdk.Context) error {
			if err := base.keeper.CheckInvariants(ctx); err != nil {
				return err
			}
			return fuzzmsg.GenesisValidates(base.keeper.ExportGenesis)(ctx)
		},
	}.Fuzz(f, seeds...)
}

// fuzzMarket is the fixture of FuzzMsgServer with the ads every run starts
// from.
type fuzzMarket struct {
	*fixture
	ads map[uint64]fakeAd
}

// newFuzzMarket returns the market of newMarket, built for any testing.TB,
// with Orchard, Field, contributions and ukiz added.
func newFuzzMarket(tb testing.TB) *fuzzMarket {
	tb.Helper()
	env := keepertest.LedgerKeeper(tb)
	f := &fixture{
		env: env, ctx: env.Ctx, keeper: env.Keeper, msgs: keeper.NewMsgServerImpl(env.Keeper),
		query: keeper.NewQueryServerImpl(env.Keeper), community: communitykeeper.NewMsgServerImpl(env.Community),
		ads: newFakeAds(),
	}
	f.keeper.SetAdsKeeper(f.ads)
	ctx := f.ctx
	run := func(_ any, err error) { require.NoError(tb, err) }
	join := func(id uint64, name string) {
		run(f.community.JoinCommunity(f.memberSince(), &communitytypes.MsgJoinCommunity{Member: f.addr(name), CommunityId: id, Username: name}))
	}
	setRole := func(id uint64, admin, member string, role communitytypes.Role) {
		run(f.community.SetMemberRole(ctx, &communitytypes.MsgSetMemberRole{
			Admin: f.addr(admin), CommunityId: id, Member: f.addr(member), Role: role,
		}))
	}
	for _, c := range []struct{ admin, name string }{{"alice", "Garden"}, {"olive", "Orchard"}, {"olive", "Field"}} {
		run(f.community.CreateCommunity(f.memberSince(), &communitytypes.MsgCreateCommunity{
			Creator: f.addr(c.admin), Name: c.name, JoinPolicy: communitytypes.JoinPolicyOpen, Username: c.admin,
		}))
	}
	for _, name := range []string{"mod", "tom", "bob", "carol", "erin"} {
		join(garden, name)
	}
	join(fuzzOrchard, "dave")
	setRole(garden, "alice", "mod", communitytypes.RoleModerator)
	setRole(garden, "alice", "tom", communitytypes.RoleTeller)
	run(f.community.LeaveCommunity(ctx, &communitytypes.MsgLeaveCommunity{Member: f.addr("erin"), CommunityId: garden}))

	run(f.msgs.CreateCurrency(ctx, &types.MsgCreateCurrency{Admin: f.addr("alice"), CommunityId: garden, Code: "GDD", Name: "GDD money", Decimals: 4}))
	run(f.msgs.CreateCurrency(ctx, &types.MsgCreateCurrency{
		Admin: f.addr("olive"), CommunityId: fuzzOrchard, Code: "ORC", Name: "Orchard coin", Decimals: 2,
		IssuancePolicy: types.IssuancePolicyAdmin, FeeBps: 150,
	}))
	issue := func(id uint64, issuer, recipient string, amount int64) {
		run(f.msgs.Issue(ctx, &types.MsgIssue{
			Issuer: f.addr(issuer), CommunityId: id, Recipient: f.addr(recipient), Amount: sdkmath.NewInt(amount), Memo: "top-up",
		}))
	}
	issue(garden, "alice", "bob", 100*unit)
	issue(garden, "alice", "carol", 10*unit)
	issue(fuzzOrchard, "olive", "dave", 50*100)
	submit := func(contributor, month string) {
		run(f.msgs.SubmitContribution(ctx, &types.MsgSubmitContribution{
			Contributor: f.addr(contributor), CommunityId: garden, Amount: sdkmath.NewInt(3 * unit), Memo: "garden work", Month: month,
		}))
	}
	submit("carol", "2025-03")
	submit("bob", "")
	submit("bob", "2025-02")
	run(f.msgs.DenyContribution(ctx, &types.MsgDenyContribution{Reviewer: f.addr("mod"), ContributionId: fuzzDenied, Reason: "twice"}))
	f.env.Fund(tb, ctx, f.accAddr("alice"), sdk.NewCoins(sdk.NewInt64Coin("ukiz", 5_000_000)))

	bob := f.accAddr("bob").String()
	f.ads.add(bobsGiveAd, fakeAd{community: garden, owner: bob})
	f.ads.add(bobsWantAd, fakeAd{community: garden, owner: bob, want: true})
	f.ads.add(orchardAd, fakeAd{community: fuzzOrchard, owner: bob})
	f.ads.add(closedGiveAd, fakeAd{community: garden, owner: bob, closed: true})
	require.NoError(tb, f.keeper.CheckInvariants(ctx))
	return &fuzzMarket{fixture: f, ads: f.ads.snapshot()}
}

// resetAds gives the keeper a fresh copy of the ads every run starts from.
func (m *fuzzMarket) resetAds() {
	m.fixture.ads.ads = map[uint64]*fakeAd{} // shared with the keeper
	for id, ad := range m.ads {
		m.fixture.ads.add(id, ad)
	}
}
