package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// Attacks on mutual credit and payment requests. Each asserts what the
// attacker gains: nothing beyond what the rules allow, and a refused Msg
// moves nothing at all.

// holdings returns the net balances of members of the garden, by name.
func (f *fixture) holdings(t *testing.T, names ...string) map[string]string {
	t.Helper()
	out := make(map[string]string, len(names))
	for _, name := range names {
		out[name] = f.account(t, name).NetBalance.String()
	}
	return out
}

func TestAcceptPaymentRequest_AnotherMemberCannotAcceptARequestMadeToSomeoneElse(t *testing.T) {
	f := newCreditGarden(t)
	f.pay(t, "carol", "bob", 20*unit)
	// mod, the attacker, would pay carol's request on bob's behalf or be
	// paid by it; carol would pay herself from bob's account.
	id := f.request(t, "carol", "bob", 10*unit)
	before := f.holdings(t, "bob", "carol", "mod")
	for _, attacker := range []string{"mod", "carol", "alice"} {
		f.requireRejected(t, types.ErrNotRequestParty, func() error {
			_, err := f.accept(attacker, id)
			return err
		})
	}
	require.Equal(t, before, f.holdings(t, "bob", "carol", "mod"))
	require.Equal(t, types.PaymentRequestStatusPending, f.paymentRequest(t, id).Status, "bob may still decide")
}

func TestRequestPayment_CannotMakeANonPayerPay(t *testing.T) {
	f := newCreditGarden(t)
	// mod asks bob and carol for far more than they hold, and names
	// alice's payment to another: none of it moves a unit.
	toBob := f.request(t, "mod", "bob", creditLimit)
	toCarol := f.request(t, "mod", "carol", creditLimit)
	aliceToCarol := f.request(t, "carol", "alice", unit)
	require.True(t, f.currency(t).Supply.Amount.IsZero(), "requesting draws no credit")
	require.True(t, f.account(t, "bob").Debt.IsZero())

	f.requireRejected(t, types.ErrNotRequestParty, func() error {
		_, err := f.accept("bob", toCarol) // made to carol, not bob
		return err
	})
	f.requireRejected(t, types.ErrNotRequestParty, func() error {
		_, err := f.accept("bob", aliceToCarol)
		return err
	})
	require.NoError(t, f.reject("bob", toBob, "no"))
	f.requireRejected(t, types.ErrRequestClosed, func() error {
		_, err := f.accept("bob", toBob)
		return err
	})
	require.NoError(t, f.cancel("carol", aliceToCarol))
	require.True(t, f.currency(t).Supply.Amount.IsZero())
	require.True(t, f.currency(t).Debt.IsZero())
}

func TestAcceptPaymentRequest_TwiceInOneBlockPaysOnce(t *testing.T) {
	f := newCreditGarden(t)
	id := f.request(t, "carol", "bob", 10*unit)
	_, err := f.accept("bob", id)
	require.NoError(t, err)
	f.requireRejected(t, types.ErrRequestClosed, func() error {
		_, err := f.accept("bob", id)
		return err
	})
	require.Equal(t, sdkmath.NewInt(10*unit), f.balance("carol", gdd), "carol was paid once")
	require.Equal(t, sdkmath.NewInt(10*unit), f.account(t, "bob").Debt)
}

func TestTransfer_SplittingPaymentsDrawsNoCreditBeyondTheLimit(t *testing.T) {
	f := newGardenWith(t, func(m *types.MsgCreateCurrency) {
		m.IssuancePolicy = types.IssuancePolicyMutualCredit
		m.DefaultCreditLimit = sdkmath.NewInt(creditLimit)
		m.FeeBps = 1
	})
	// bob spends on credit in small payments to accomplices, each paying
	// a fee of one base unit rounded up, then through payment requests.
	spent := sdkmath.ZeroInt()
	accomplices := []string{"carol", "mod", "tom"}
	for i := 0; ; i++ {
		_, err := f.transfer("bob", accomplices[i%len(accomplices)], unit)
		if err != nil {
			require.ErrorIs(t, err, types.ErrCreditLimitExceeded)
			break
		}
		spent = spent.AddRaw(unit + 1)
	}
	// What is left of the limit is less than a payment and its fee.
	require.True(t, sdkmath.NewInt(creditLimit).Sub(spent).LT(sdkmath.NewInt(unit+1)))
	left := creditLimit - spent.Int64()
	tooMuch := f.request(t, "carol", "bob", left) // the fee tips it over
	f.requireRejected(t, types.ErrCreditLimitExceeded, func() error {
		_, err := f.accept("bob", tooMuch)
		return err
	})
	_, err := f.accept("bob", f.request(t, "carol", "bob", left-1)) // with its fee, exactly what is left
	require.NoError(t, err)
	require.Equal(t, sdkmath.NewInt(creditLimit), f.account(t, "bob").Debt)
	require.True(t, f.account(t, "bob").Available.IsZero())

	received := f.env.Bank.GetBalance(f.ctx, sdk.AccAddress(types.TreasuryAddress(garden)), gdd).Amount
	for _, name := range accomplices {
		received = received.Add(f.balance(name, gdd))
	}
	require.Equal(t, sdkmath.NewInt(creditLimit), received, "the accomplices and the treasury got exactly the limit")
	f.requireRejected(t, types.ErrCreditLimitExceeded, func() error {
		_, err := f.transfer("bob", "carol", 1)
		return err
	})
}

func TestLeaveCommunity_DebtStaysWithTheFormerMember(t *testing.T) {
	f := newCreditGarden(t)
	f.pay(t, "bob", "carol", 30*unit)
	_, err := f.community.LeaveCommunity(f.ctx, &communitytypes.MsgLeaveCommunity{Member: f.addr("bob"), CommunityId: garden})
	require.NoError(t, err)

	require.Equal(t, sdkmath.NewInt(30*unit), f.account(t, "bob").Debt, "bob owes what he owed")
	require.Equal(t, sdkmath.NewInt(30*unit), f.currency(t).Debt)
	f.requireRejected(t, types.ErrNotMember, func() error {
		_, err := f.transfer("bob", "carol", unit)
		return err
	})
	f.requireRejected(t, types.ErrNotMember, func() error {
		_, err := f.requestPayment("bob", "carol", unit, nil)
		return err
	})
	f.requireRejected(t, types.ErrNotMember, func() error {
		return f.setLimits("bob", func(m *types.MsgSetAccountLimits) { m.CreditLimit = intPtr(100 * unit) })
	})
	f.requireRejected(t, types.ErrDebtOutstanding, func() error {
		return f.updateCurrency(func(m *types.MsgUpdateCurrency) {
			m.IssuancePolicy, m.ClearFields = types.IssuancePolicyAdmin, []string{types.CurrencyFieldDefaultCreditLimit}
		})
	})

	// Joining again brings back the same debt, not a fresh limit.
	f.join(t, garden, "bob")
	bob := f.account(t, "bob")
	require.Equal(t, sdkmath.NewInt(30*unit), bob.Debt)
	require.Equal(t, sdkmath.NewInt(20*unit), bob.Available)
	f.requireRejected(t, types.ErrCreditLimitExceeded, func() error {
		_, err := f.transfer("bob", "carol", 20*unit+1)
		return err
	})
}
