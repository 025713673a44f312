package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/internal/grpcerr"
	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// creditLimit is the default credit limit of the credit gardens: 50 GDD.
const creditLimit = 50 * unit

// newCreditGarden returns the garden whose GDD is pure mutual credit: every
// member may pay down to −50 GDD, nothing is ever created.
func newCreditGarden(t *testing.T) *fixture {
	t.Helper()
	return newGardenWith(t, func(m *types.MsgCreateCurrency) {
		m.IssuancePolicy = types.IssuancePolicyMutualCredit
		m.DefaultCreditLimit = sdkmath.NewInt(creditLimit)
	})
}

// newCreditAndCreationGarden returns the garden whose GDD is mutual credit
// with admin issuance and contributions, and a maximum balance of max GDD
// base units (0: none).
func newCreditAndCreationGarden(t *testing.T, maxBalance int64) *fixture {
	t.Helper()
	return newGardenWith(t, func(m *types.MsgCreateCurrency) {
		m.IssuancePolicy = types.IssuancePolicyMutualCreditAndCreation
		m.DefaultCreditLimit = sdkmath.NewInt(creditLimit)
		m.MaxBalance = sdkmath.NewInt(maxBalance)
	})
}

func TestTransfer_OnCreditDownToExactlyTheLimit(t *testing.T) {
	f := newCreditGarden(t)
	f.requireRejected(t, types.ErrCreditLimitExceeded, func() error {
		_, err := f.transfer("bob", "carol", creditLimit+1)
		return err
	})

	f.pay(t, "bob", "carol", creditLimit)
	bob := f.account(t, "bob")
	require.Equal(t, sdkmath.NewInt(creditLimit), bob.Debt)
	require.Equal(t, sdkmath.NewInt(-creditLimit), bob.NetBalance)
	require.True(t, bob.Balance.IsZero(), "the credit drawn was paid on")
	require.True(t, bob.Available.IsZero())
	require.Equal(t, sdkmath.NewInt(creditLimit), f.balance("carol", gdd))
	require.Equal(t, sdkmath.NewInt(creditLimit), f.supply(gdd), "the credit drawn is minted")
	require.Equal(t, sdkmath.NewInt(creditLimit), f.currency(t).Debt)
	require.True(t, f.currency(t).Created.IsZero(), "mutual credit creates nothing")

	send := f.history(t, "bob")[0]
	require.Equal(t, types.EntryTypeSend, send.Type)
	require.Equal(t, sdkmath.NewInt(creditLimit), send.DebtChange, "the SEND entry records the credit drawn")
	receive := f.history(t, "carol")[0]
	require.Equal(t, types.EntryTypeReceive, receive.Type)
	require.True(t, receive.DebtChange.IsZero())
	event := lastEvent[*types.EventTransferred](t, f)
	require.Equal(t, sdkmath.NewInt(creditLimit), event.CreditDrawn)
	require.True(t, event.DebtRepaid.IsZero())

	f.requireRejected(t, types.ErrCreditLimitExceeded, func() error {
		_, err := f.transfer("bob", "carol", 1)
		return err
	})
}

func TestTransfer_OnCreditTheFeeCountsTowardTheLimit(t *testing.T) {
	f := newGardenWith(t, func(m *types.MsgCreateCurrency) {
		m.IssuancePolicy = types.IssuancePolicyMutualCredit
		m.DefaultCreditLimit = sdkmath.NewInt(creditLimit)
		m.FeeBps = 100
	})
	// 49.5050 GDD plus its 1 % fee rounded up (0.4951) is 50.0001 GDD.
	f.requireRejected(t, types.ErrCreditLimitExceeded, func() error {
		_, err := f.transfer("bob", "carol", 495_050)
		return err
	})
	f.requireRejected(t, types.ErrCreditLimitExceeded, func() error {
		_, err := f.transfer("bob", "carol", creditLimit)
		return err
	})

	// 49.5049 GDD plus 0.4951 GDD is exactly the limit.
	res, err := f.transfer("bob", "carol", 495_049)
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(4951), res.Fee)
	require.Equal(t, sdkmath.NewInt(creditLimit), f.account(t, "bob").Debt)
	treasury := sdk.AccAddress(types.TreasuryAddress(garden))
	require.Equal(t, sdkmath.NewInt(4951), f.env.Bank.GetBalance(f.ctx, treasury, gdd).Amount)
	send := f.history(t, "bob")[0]
	require.Equal(t, types.EntryTypeSend, send.Type)
	require.Equal(t, sdkmath.NewInt(4951), send.Fee)
	require.Equal(t, sdkmath.NewInt(creditLimit), send.DebtChange, "the fee's share of the credit too")
}

func TestTransfer_ReceivingWithDebtRepaysItFirst(t *testing.T) {
	f := newCreditGarden(t)
	f.pay(t, "bob", "carol", 30*unit) // bob owes 30

	// carol pays back 20: it all goes to bob's debt, and is burned.
	f.pay(t, "carol", "bob", 20*unit)
	require.Equal(t, sdkmath.NewInt(10*unit), f.account(t, "bob").Debt)
	require.True(t, f.balance("bob", gdd).IsZero(), "nothing is left over")
	require.Equal(t, sdkmath.NewInt(10*unit), f.supply(gdd))
	receive := f.history(t, "bob")[0]
	require.Equal(t, types.EntryTypeReceive, receive.Type)
	require.Equal(t, sdkmath.NewInt(20*unit), receive.Amount)
	require.Equal(t, sdkmath.NewInt(-20*unit), receive.DebtChange)
	require.True(t, f.history(t, "carol")[0].DebtChange.IsZero(), "carol had the balance")

	// carol pays 40 with 10 in hand: she draws 30 on credit; bob repays his
	// last 10 and keeps 30.
	f.resetEvents()
	f.pay(t, "carol", "bob", 40*unit)
	bob, carol := f.account(t, "bob"), f.account(t, "carol")
	require.True(t, bob.Debt.IsZero())
	require.Equal(t, sdkmath.NewInt(30*unit), bob.Balance)
	require.Equal(t, sdkmath.NewInt(30*unit), bob.NetBalance)
	require.Equal(t, sdkmath.NewInt(30*unit), carol.Debt)
	require.Equal(t, sdkmath.NewInt(-30*unit), carol.NetBalance)
	require.Equal(t, sdkmath.NewInt(-10*unit), f.history(t, "bob")[0].DebtChange)
	require.Equal(t, sdkmath.NewInt(30*unit), f.history(t, "carol")[0].DebtChange)
	require.Equal(t, sdkmath.NewInt(30*unit), f.supply(gdd), "10 held before + 30 drawn - 10 repaid")
	require.Equal(t, sdkmath.NewInt(30*unit), f.currency(t).Debt)
	event := lastEvent[*types.EventTransferred](t, f)
	require.Equal(t, sdkmath.NewInt(30*unit), event.CreditDrawn)
	require.Equal(t, sdkmath.NewInt(10*unit), event.DebtRepaid)
}

func TestTransfer_TheRecipientsMaximumBalanceHolds(t *testing.T) {
	f := newGardenWith(t, func(m *types.MsgCreateCurrency) {
		m.IssuancePolicy = types.IssuancePolicyMutualCredit
		m.DefaultCreditLimit = sdkmath.NewInt(creditLimit)
		m.MaxBalance = sdkmath.NewInt(20 * unit)
	})
	f.pay(t, "bob", "carol", 20*unit)
	f.requireRejected(t, types.ErrMaxBalanceExceeded, func() error {
		_, err := f.transfer("bob", "carol", 1)
		return err
	})

	// The maximum bounds the net balance: a member in debt receives more.
	f.pay(t, "carol", "bob", 30*unit) // carol: −10; bob: +10
	f.pay(t, "bob", "carol", 30*unit) // bob: −20; carol: +20
	require.Equal(t, sdkmath.NewInt(20*unit), f.account(t, "carol").NetBalance)
	require.Equal(t, sdkmath.NewInt(20*unit), f.balance("carol", gdd))
	f.requireRejected(t, types.ErrMaxBalanceExceeded, func() error {
		_, err := f.transfer("mod", "carol", 1)
		return err
	})
}

func TestIssue_TheMaximumBalanceHoldsForCreationToo(t *testing.T) {
	f := newCreditAndCreationGarden(t, 20*unit)
	f.issue(t, garden, "alice", "bob", 20*unit)
	f.requireRejected(t, types.ErrMaxBalanceExceeded, func() error {
		_, err := f.msgs.Issue(f.ctx, &types.MsgIssue{Issuer: f.addr("alice"), CommunityId: garden, Recipient: f.addr("bob"), Amount: oneInt()})
		return err
	})
	id := f.submit(t, "bob", unit, "")
	f.requireRejected(t, types.ErrMaxBalanceExceeded, func() error {
		_, err := f.msgs.ConfirmContribution(f.ctx, &types.MsgConfirmContribution{Reviewer: f.addr("mod"), ContributionId: id})
		return err
	})

	// In debt, a member may be issued its debt plus the maximum.
	f.pay(t, "carol", "mod", 10*unit)
	f.issue(t, garden, "alice", "carol", 30*unit)
	require.Equal(t, sdkmath.NewInt(20*unit), f.account(t, "carol").NetBalance)
}

func TestIssue_OnMutualCreditAndCreationRepaysDebtFirst(t *testing.T) {
	f := newCreditAndCreationGarden(t, 0)
	f.pay(t, "bob", "carol", 30*unit)
	f.resetEvents()

	f.issue(t, garden, "tom", "bob", 50*unit)
	bob := f.account(t, "bob")
	require.True(t, bob.Debt.IsZero())
	require.Equal(t, sdkmath.NewInt(20*unit), bob.Balance, "the issuance repaid 30 first")
	creation := f.history(t, "bob")[0]
	require.Equal(t, types.EntryTypeCreation, creation.Type)
	require.Equal(t, sdkmath.NewInt(50*unit), creation.Amount, "the CREATION entry records all that was created")
	require.Equal(t, sdkmath.NewInt(-30*unit), creation.DebtChange)
	totals := f.currency(t)
	require.Equal(t, sdkmath.NewInt(50*unit), totals.Created)
	require.True(t, totals.Debt.IsZero())
	require.Equal(t, sdkmath.NewInt(50*unit), totals.Supply.Amount, "carol's 30 and bob's 20")

	// A confirmed contribution repays debt first too.
	f.pay(t, "mod", "carol", 10*unit)
	id := f.submit(t, "mod", 15*unit, "")
	_, err := f.msgs.ConfirmContribution(f.ctx, &types.MsgConfirmContribution{Reviewer: f.addr("alice"), ContributionId: id})
	require.NoError(t, err)
	mod := f.account(t, "mod")
	require.True(t, mod.Debt.IsZero())
	require.Equal(t, sdkmath.NewInt(5*unit), mod.Balance)
	require.Equal(t, sdkmath.NewInt(-10*unit), f.history(t, "mod")[0].DebtChange)
}

func TestIssue_PureMutualCreditCreatesNothing(t *testing.T) {
	f := newCreditGarden(t)
	f.requireRejected(t, types.ErrIssuanceNotAllowed, func() error {
		_, err := f.msgs.Issue(f.ctx, &types.MsgIssue{Issuer: f.addr("alice"), CommunityId: garden, Recipient: f.addr("bob"), Amount: oneInt()})
		return err
	})
	f.requireRejected(t, types.ErrIssuanceNotAllowed, func() error {
		_, err := f.msgs.SubmitContribution(f.ctx, &types.MsgSubmitContribution{
			Contributor: f.addr("bob"), CommunityId: garden, Amount: oneInt(), Memo: "garden work",
		})
		return err
	})
}

func TestTransfer_WithoutACreditPolicyOverspendingIsInsufficientFunds(t *testing.T) {
	f := newGarden(t)
	f.issue(t, garden, "alice", "bob", 10*unit)
	f.requireRejected(t, sdkerrors.ErrInsufficientFunds, func() error {
		_, err := f.transfer("bob", "carol", 10*unit+1)
		return err
	})
	f.requireRejected(t, types.ErrCreditNotAllowed, func() error {
		return f.setLimits("bob", func(m *types.MsgSetAccountLimits) { m.CreditLimit = intPtr(100 * unit) })
	})
	require.True(t, f.account(t, "bob").CreditLimit.IsZero())
}

func TestTransfer_ACreditLimitOfItsOwnDoesNotOutliveThePolicy(t *testing.T) {
	f := newCreditGarden(t)
	require.NoError(t, f.setLimits("bob", func(m *types.MsgSetAccountLimits) { m.CreditLimit = intPtr(100 * unit) }))
	_, err := f.msgs.UpdateCurrency(f.ctx, &types.MsgUpdateCurrency{
		Admin: f.addr("alice"), CommunityId: garden, IssuancePolicy: types.IssuancePolicyAdmin, ClearFields: []string{types.CurrencyFieldDefaultCreditLimit},
	})
	require.NoError(t, err)
	require.True(t, f.account(t, "bob").CreditLimit.IsZero(), "without mutual credit every limit is 0")
	f.requireRejected(t, sdkerrors.ErrInsufficientFunds, func() error {
		_, err := f.transfer("bob", "carol", 1)
		return err
	})
}

func TestTransfer_AMemberWhoJoinsLaterGetsTheDefaultLimit(t *testing.T) {
	f := newCreditGarden(t)
	f.join(t, garden, "erin")
	erin := f.account(t, "erin")
	require.Equal(t, sdkmath.NewInt(creditLimit), erin.CreditLimit)
	require.True(t, erin.CreditLimitIsDefault)
	require.Equal(t, sdkmath.NewInt(creditLimit), erin.Available)

	f.pay(t, "erin", "bob", 10*unit) // erin's first purchase
	require.Equal(t, sdkmath.NewInt(10*unit), f.account(t, "erin").Debt)
}

func TestSetAccountLimits_ANewLimitTakesEffectAtOnce(t *testing.T) {
	f := newCreditGarden(t)
	f.requireRejected(t, types.ErrCreditLimitExceeded, func() error {
		_, err := f.transfer("bob", "carol", 60*unit)
		return err
	})

	require.NoError(t, f.setLimits("bob", func(m *types.MsgSetAccountLimits) { m.CreditLimit = intPtr(80 * unit) }))
	event := lastEvent[*types.EventAccountLimitsSet](t, f)
	require.Equal(t, f.addr("bob"), event.Member)
	require.Equal(t, sdkmath.NewInt(80*unit), event.CreditLimit)
	require.False(t, event.CreditLimitIsDefault)
	bob := f.account(t, "bob")
	require.Equal(t, sdkmath.NewInt(80*unit), bob.CreditLimit)
	require.False(t, bob.CreditLimitIsDefault)
	f.pay(t, "bob", "carol", 60*unit) // refused a moment ago

	f.requireRejected(t, types.ErrLimitBelowDebt, func() error {
		return f.setLimits("bob", func(m *types.MsgSetAccountLimits) { m.CreditLimit = intPtr(60*unit - 1) })
	})
	require.NoError(t, f.setLimits("bob", func(m *types.MsgSetAccountLimits) { m.CreditLimit = intPtr(60 * unit) }),
		"a limit of exactly the debt")
	f.requireRejected(t, types.ErrCreditLimitExceeded, func() error {
		_, err := f.transfer("bob", "carol", 1)
		return err
	})
	f.requireRejected(t, types.ErrLimitBelowDebt, func() error {
		return f.setLimits("bob", func(m *types.MsgSetAccountLimits) { m.ClearFields = []string{types.AccountFieldCreditLimit} })
	})

	f.pay(t, "carol", "bob", 20*unit) // bob owes 40, below the default
	require.NoError(t, f.setLimits("bob", func(m *types.MsgSetAccountLimits) { m.ClearFields = []string{types.AccountFieldCreditLimit} }))
	bob = f.account(t, "bob")
	require.Equal(t, sdkmath.NewInt(creditLimit), bob.CreditLimit)
	require.True(t, bob.CreditLimitIsDefault)
	require.Equal(t, sdkmath.NewInt(10*unit), bob.Available)
}

func TestSetAccountLimits_AMaximumOfItsOwn(t *testing.T) {
	f := newCreditGarden(t)
	f.pay(t, "bob", "carol", 30*unit)
	f.requireRejected(t, types.ErrMaxBelowBalance, func() error {
		return f.setLimits("carol", func(m *types.MsgSetAccountLimits) { m.MaxBalance = intPtr(30*unit - 1) })
	})
	require.NoError(t, f.setLimits("carol", func(m *types.MsgSetAccountLimits) { m.MaxBalance = intPtr(30 * unit) }))
	carol := f.account(t, "carol")
	require.Equal(t, sdkmath.NewInt(30*unit), carol.MaxBalance)
	require.False(t, carol.MaxBalanceIsDefault)
	f.requireRejected(t, types.ErrMaxBalanceExceeded, func() error {
		_, err := f.transfer("mod", "carol", 1)
		return err
	})
	require.NoError(t, f.setLimits("carol", func(m *types.MsgSetAccountLimits) { m.ClearFields = []string{types.AccountFieldMaxBalance} }))
	carol = f.account(t, "carol")
	require.True(t, carol.MaxBalance.IsZero(), "GDD has no maximum")
	require.True(t, carol.MaxBalanceIsDefault)
	f.pay(t, "mod", "carol", 1)
}

func TestSetAccountLimits_RejectsBadInput(t *testing.T) {
	f := newCreditGarden(t)
	orchard := f.createCommunity(t, "olive", "Orchard")
	f.join(t, orchard, "bob")
	f.createCurrency(t, orchard, "APL", 2, 0) // admin issuance and contributions: no credit
	field := f.createCommunity(t, "olive", "Field")
	f.join(t, field, "bob")
	f.pay(t, "bob", "carol", 40*unit)
	f.resetEvents()

	valid := func() *types.MsgSetAccountLimits {
		return &types.MsgSetAccountLimits{Admin: f.addr("alice"), CommunityId: garden, Member: f.addr("mod"), CreditLimit: intPtr(10 * unit)}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgSetAccountLimits)
		want   error
	}{
		{"malformed admin", func(m *types.MsgSetAccountLimits) { m.Admin = "alice" }, sdkerrors.ErrInvalidAddress},
		{"malformed member", func(m *types.MsgSetAccountLimits) { m.Member = "kizuna1xyz" }, sdkerrors.ErrInvalidAddress},
		{"nothing to set", func(m *types.MsgSetAccountLimits) { m.CreditLimit = nil }, types.ErrNothingToUpdate},
		{"an unset amount sets nothing", func(m *types.MsgSetAccountLimits) { m.CreditLimit = &sdkmath.Int{} }, types.ErrNothingToUpdate},
		{"negative credit limit", func(m *types.MsgSetAccountLimits) { m.CreditLimit = intPtr(-1) }, types.ErrInvalidLimit},
		{"credit limit above 2^128", func(m *types.MsgSetAccountLimits) {
			v := types.MaxLimit.AddRaw(1)
			m.CreditLimit = &v
		}, types.ErrInvalidLimit},
		{"maximum of 0", func(m *types.MsgSetAccountLimits) { m.MaxBalance = intPtr(0) }, types.ErrInvalidLimit},
		{"negative maximum", func(m *types.MsgSetAccountLimits) { m.MaxBalance = intPtr(-5) }, types.ErrInvalidLimit},
		{"clear an unknown field", func(m *types.MsgSetAccountLimits) { m.ClearFields = []string{"debt"} }, types.ErrInvalidClearField},
		{"credit limit set and cleared", func(m *types.MsgSetAccountLimits) { m.ClearFields = []string{"credit_limit"} }, types.ErrInvalidClearField},
		{"maximum cleared twice", func(m *types.MsgSetAccountLimits) {
			m.ClearFields = []string{"max_balance", "max_balance"}
		}, types.ErrInvalidClearField},
		{"unknown community", func(m *types.MsgSetAccountLimits) { m.CommunityId = 99 }, communitytypes.ErrCommunityNotFound},
		{"moderator, not admin", func(m *types.MsgSetAccountLimits) { m.Admin = f.addr("mod") }, types.ErrNotPermitted},
		{"teller, not admin", func(m *types.MsgSetAccountLimits) { m.Admin = f.addr("tom") }, types.ErrNotPermitted},
		{"admin of another community", func(m *types.MsgSetAccountLimits) { m.Admin = f.addr("olive") }, types.ErrNotMember},
		{"a member setting its own limit", func(m *types.MsgSetAccountLimits) { m.Admin, m.Member = f.addr("bob"), f.addr("bob") }, types.ErrNotPermitted},
		{"community without currency", func(m *types.MsgSetAccountLimits) {
			m.Admin, m.CommunityId, m.Member = f.addr("olive"), field, f.addr("bob")
		}, types.ErrCurrencyNotFound},
		{"credit on a currency without credit", func(m *types.MsgSetAccountLimits) {
			m.Admin, m.CommunityId, m.Member = f.addr("olive"), orchard, f.addr("bob")
		}, types.ErrCreditNotAllowed},
		{"non-member", func(m *types.MsgSetAccountLimits) { m.Member = f.addr("dave") }, types.ErrNotMember},
		{"member of another community", func(m *types.MsgSetAccountLimits) { m.Member = f.addr("olive") }, types.ErrNotMember},
		{"credit limit below the debt", func(m *types.MsgSetAccountLimits) { m.Member, m.CreditLimit = f.addr("bob"), intPtr(40*unit-1) }, types.ErrLimitBelowDebt},
		{"maximum below the balance", func(m *types.MsgSetAccountLimits) {
			m.Member, m.CreditLimit, m.MaxBalance = f.addr("carol"), nil, intPtr(40*unit-1)
		}, types.ErrMaxBelowBalance},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.SetAccountLimits(f.ctx, msg)
				return err
			})
		})
	}

	// A maximum without credit is fine on any currency.
	_, err := f.msgs.SetAccountLimits(f.ctx, &types.MsgSetAccountLimits{
		Admin: f.addr("olive"), CommunityId: orchard, Member: f.addr("bob"), MaxBalance: intPtr(unit),
	})
	require.NoError(t, err)
	_, err = f.msgs.SetAccountLimits(f.ctx, valid())
	require.NoError(t, err, "the valid message of the table is accepted")
}

func TestQueryAccount_ReportsBalanceDebtLimitsAndWhatIsAvailable(t *testing.T) {
	f := newGardenWith(t, func(m *types.MsgCreateCurrency) {
		m.IssuancePolicy = types.IssuancePolicyMutualCredit
		m.DefaultCreditLimit = sdkmath.NewInt(creditLimit)
		m.MaxBalance = sdkmath.NewInt(100 * unit)
	})
	f.pay(t, "bob", "carol", 30*unit)
	require.NoError(t, f.setLimits("carol", func(m *types.MsgSetAccountLimits) {
		m.CreditLimit, m.MaxBalance = intPtr(5*unit), intPtr(60*unit)
	}))

	requireSameJSON(t, &types.QueryAccountResponse{
		Denom:                gdd,
		Balance:              sdkmath.ZeroInt(),
		PendingDecay:         sdkmath.ZeroInt(),
		Debt:                 sdkmath.NewInt(30 * unit),
		NetBalance:           sdkmath.NewInt(-30 * unit),
		CreditLimit:          sdkmath.NewInt(creditLimit),
		CreditLimitIsDefault: true,
		MaxBalance:           sdkmath.NewInt(100 * unit),
		MaxBalanceIsDefault:  true,
		Available:            sdkmath.NewInt(20 * unit),
	}, f.account(t, "bob"))
	requireSameJSON(t, &types.QueryAccountResponse{
		Denom:        gdd,
		Balance:      sdkmath.NewInt(30 * unit),
		PendingDecay: sdkmath.ZeroInt(),
		Debt:         sdkmath.ZeroInt(),
		NetBalance:   sdkmath.NewInt(30 * unit),
		CreditLimit:  sdkmath.NewInt(5 * unit),
		MaxBalance:   sdkmath.NewInt(60 * unit),
		Available:    sdkmath.NewInt(35 * unit),
	}, f.account(t, "carol"))
	dave := f.account(t, "dave") // no member: what the ledger knows of any account
	require.True(t, dave.Balance.IsZero())
	require.True(t, dave.Debt.IsZero())
	require.Equal(t, sdkmath.NewInt(creditLimit), dave.Available)

	_, err := f.query.Account(f.ctx, &types.QueryAccountRequest{CommunityId: garden, Address: "bob"})
	require.ErrorIs(t, err, sdkerrors.ErrInvalidAddress)
	_, err = f.query.Account(f.ctx, &types.QueryAccountRequest{CommunityId: 9, Address: f.addr("bob")})
	require.ErrorIs(t, err, types.ErrCurrencyNotFound)
	_, err = f.query.Account(f.ctx, nil)
	require.ErrorIs(t, err, grpcerr.ErrEmptyRequest)
}
