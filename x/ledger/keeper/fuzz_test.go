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
	types.ErrInvalidStatus, types.ErrSelfIssuance, types.ErrCommunityMismatch, types.ErrMonthBeforeJoining,
	types.ErrInvalidSponsorship, types.ErrInvalidHalfLife, types.ErrInvalidLimit, types.ErrCreditNotAllowed,
	types.ErrCreditLimitExceeded, types.ErrMaxBalanceExceeded, types.ErrLimitBelowDebt, types.ErrMaxBelowBalance,
	types.ErrDebtOutstanding, types.ErrRequestNotFound, types.ErrRequestClosed, types.ErrRequestExpired,
	types.ErrNotRequestParty, types.ErrTooManyRequests, types.ErrInvalidExpiry,
	communitytypes.ErrCommunityNotFound, communitytypes.ErrMemberNotFound,
	errAdNotFound, errAdWrongCommunit, errAdClosed, errAdNotPayable,
	sdkerrors.ErrInsufficientFunds,
}

// Communities, pending contributions and payment requests of the fuzz
// market.
const (
	fuzzOrchard = uint64(2) // olive admin, dave member; ORC, 2 decimals, 1.5 % fee, admin issuance only
	fuzzField   = uint64(3) // olive admin; no currency
	// fuzzCommons: alice admin, bob, carol and tom members; CMN, 4
	// decimals, 1 % fee, mutual credit and creation with a default credit
	// limit of 50 CMN and a maximum of 200 CMN, decaying with Gradido's
	// half-life; bob owes 20.2 CMN, tom never held any.
	fuzzCommons = uint64(4)
	fuzzCarols  = uint64(1) // carol's pending GDD contribution for 2025-03
	fuzzBobs    = uint64(2) // bob's pending GDD contribution for this month
	fuzzDenied  = uint64(3) // bob's denied contribution

	fuzzCarolAsksBob = uint64(1) // carol's pending request to bob for 10 CMN
	fuzzBobAsksCarol = uint64(2) // bob's pending request to carol for 1 GDD
	fuzzRejected     = uint64(3) // carol's request to bob for 1 GDD, rejected
)

// FuzzMsgServer runs one Msg of any kind of the ledger Msg service, decoded
// from fuzzed protobuf bytes, through the Msg server, against the market of
// the transfer tests (Garden and GDD, balances, the fake ads) plus Orchard
// with a currency that charges a fee, Field without one, Commons with a
// decaying mutual-credit currency and a member in debt, pending and denied
// contributions, payment requests pending and rejected, and ukiz for fee
// accounts. It checks that the server never
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
		&types.MsgCreateCurrency{
			Admin: base.addr("olive"), CommunityId: fuzzField, Code: "FLD", Name: "Field hours", IssuancePolicy: types.IssuancePolicyMutualCredit,
			HalfLifeSeconds: 86_400, DefaultCreditLimit: sdkmath.NewInt(100), MaxBalance: sdkmath.NewInt(1000),
		},
		&types.MsgCreateCurrency{
			Admin: base.addr("olive"), CommunityId: fuzzField, Code: "FLD", Name: "Field hours", IssuancePolicy: types.IssuancePolicyAdmin,
			HalfLifeSeconds: 86_399, DefaultCreditLimit: sdkmath.NewInt(-1), MaxBalance: maxInt(),
		},
		&types.MsgUpdateCurrency{Admin: base.addr("alice"), CommunityId: fuzzCommons, DefaultCreditLimit: sdkmath.NewInt(20 * unit)},
		&types.MsgUpdateCurrency{Admin: base.addr("alice"), CommunityId: fuzzCommons, DefaultCreditLimit: sdkmath.NewInt(30 * unit), MaxBalance: sdkmath.NewInt(unit)},
		&types.MsgUpdateCurrency{
			Admin: base.addr("alice"), CommunityId: fuzzCommons, IssuancePolicy: types.IssuancePolicyAdmin, ClearFields: []string{"default_credit_limit"},
		},
		&types.MsgUpdateCurrency{Admin: base.addr("alice"), CommunityId: garden, DefaultCreditLimit: sdkmath.NewInt(unit), ClearFields: []string{"max_balance"}},
		&types.MsgSetAccountLimits{Admin: base.addr("alice"), CommunityId: fuzzCommons, Member: base.addr("tom"), MaxBalance: intPtr(unit)},
		&types.MsgSetAccountLimits{Admin: base.addr("alice"), CommunityId: fuzzCommons, Member: base.addr("bob"), CreditLimit: intPtr(20 * unit)},
		&types.MsgSetAccountLimits{Admin: base.addr("alice"), CommunityId: fuzzCommons, Member: base.addr("carol"), ClearFields: []string{"credit_limit"}},
		&types.MsgSetAccountLimits{Admin: base.addr("alice"), CommunityId: garden, Member: base.addr("bob"), CreditLimit: intPtr(0), MaxBalance: intPtr(0)},
		&types.MsgTransfer{Sender: base.addr("bob"), CommunityId: fuzzCommons, Recipient: base.addr("tom"), Amount: sdkmath.NewInt(29 * unit), ExpectedFeeBps: 100},
		&types.MsgTransfer{Sender: base.addr("tom"), CommunityId: fuzzCommons, Recipient: base.addr("bob"), Amount: sdkmath.NewInt(49 * unit), ExpectedFeeBps: 100},
		&types.MsgIssue{Issuer: base.addr("alice"), CommunityId: fuzzCommons, Recipient: base.addr("bob"), Amount: sdkmath.NewInt(30 * unit)},
		&types.MsgRequestPayment{Requester: base.addr("tom"), CommunityId: fuzzCommons, Payer: base.addr("bob"), Amount: sdkmath.NewInt(unit), ExpirySeconds: 60},
		&types.MsgRequestPayment{Requester: base.addr("carol"), CommunityId: garden, Payer: base.addr("bob"), Amount: oneInt(), AdId: bobsWantAd},
		&types.MsgRequestPayment{
			Requester: base.addr("bob"), CommunityId: garden, Payer: base.addr("bob"), Amount: sdkmath.ZeroInt(), ExpirySeconds: 366 * 24 * 60 * 60,
		},
		&types.MsgAcceptPaymentRequest{Payer: base.addr("bob"), RequestId: fuzzCarolAsksBob, ExpectedFeeBps: 100, CommunityId: fuzzCommons},
		&types.MsgAcceptPaymentRequest{Payer: base.addr("carol"), RequestId: fuzzBobAsksCarol},
		&types.MsgAcceptPaymentRequest{Payer: base.addr("carol"), RequestId: fuzzCarolAsksBob, ExpectedFeeBps: 100},
		&types.MsgAcceptPaymentRequest{Payer: base.addr("bob"), RequestId: fuzzRejected, CommunityId: fuzzOrchard},
		&types.MsgRejectPaymentRequest{Payer: base.addr("bob"), RequestId: fuzzCarolAsksBob, Reason: "not now", CommunityId: fuzzCommons},
		&types.MsgRejectPaymentRequest{Payer: base.addr("bob"), RequestId: fuzzBobAsksCarol, Reason: "a\x07b"},
		&types.MsgCancelPaymentRequest{Requester: base.addr("bob"), RequestId: fuzzBobAsksCarol, CommunityId: garden},
		&types.MsgCancelPaymentRequest{Requester: base.addr("carol"), RequestId: fuzzRejected},
		&types.MsgCancelPaymentRequest{Requester: base.addr("bob"), RequestId: 99},
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
// with Orchard, Field, Commons, contributions, payment requests and ukiz
// added.
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
	for _, c := range []struct{ admin, name string }{{"alice", "Garden"}, {"olive", "Orchard"}, {"olive", "Field"}, {"alice", "Commons"}} {
		run(f.community.CreateCommunity(f.memberSince(), &communitytypes.MsgCreateCommunity{
			Creator: f.addr(c.admin), Name: c.name, JoinPolicy: communitytypes.JoinPolicyOpen, Username: c.admin,
		}))
	}
	for _, name := range []string{"mod", "tom", "bob", "carol", "erin"} {
		join(garden, name)
	}
	join(fuzzOrchard, "dave")
	for _, name := range []string{"bob", "carol", "tom"} {
		join(fuzzCommons, name)
	}
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

	run(f.msgs.CreateCurrency(ctx, &types.MsgCreateCurrency{
		Admin: f.addr("alice"), CommunityId: fuzzCommons, Code: "CMN", Name: "Commons credit", Decimals: 4,
		IssuancePolicy: types.IssuancePolicyMutualCreditAndCreation, FeeBps: 100, HalfLifeSeconds: 31_556_952,
		DefaultCreditLimit: sdkmath.NewInt(50 * unit), MaxBalance: sdkmath.NewInt(200 * unit),
	}))
	run(f.msgs.Transfer(ctx, &types.MsgTransfer{
		Sender: f.addr("bob"), CommunityId: fuzzCommons, Recipient: f.addr("carol"), Amount: sdkmath.NewInt(20 * unit), ExpectedFeeBps: 100,
	}))
	request := func(id, community uint64, requester, payer string, amount int64) {
		res, err := f.msgs.RequestPayment(ctx, &types.MsgRequestPayment{
			Requester: f.addr(requester), CommunityId: community, Payer: f.addr(payer), Amount: sdkmath.NewInt(amount),
		})
		require.NoError(tb, err)
		require.Equal(tb, id, res.Id)
	}
	request(fuzzCarolAsksBob, fuzzCommons, "carol", "bob", 10*unit)
	request(fuzzBobAsksCarol, garden, "bob", "carol", unit)
	request(fuzzRejected, garden, "carol", "bob", unit)
	run(f.msgs.RejectPaymentRequest(ctx, &types.MsgRejectPaymentRequest{Payer: f.addr("bob"), RequestId: fuzzRejected}))

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
