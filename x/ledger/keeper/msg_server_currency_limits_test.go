package keeper_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// updateCurrency sends alice's MsgUpdateCurrency for GDD; set fills in the
// changes.
func (f *fixture) updateCurrency(set func(*types.MsgUpdateCurrency)) error {
	msg := &types.MsgUpdateCurrency{Admin: f.addr("alice"), CommunityId: garden}
	set(msg)
	_, err := f.msgs.UpdateCurrency(f.ctx, msg)
	return err
}

func TestCreateCurrency_RejectsBadDecayAndCreditSettings(t *testing.T) {
	f := newFixture(t)
	f.createCommunity(t, "alice", "Garden")
	valid := func() *types.MsgCreateCurrency {
		return &types.MsgCreateCurrency{
			Admin: f.addr("alice"), CommunityId: garden, Code: "GDD", Name: "Gradido", Decimals: 4,
			IssuancePolicy: types.IssuancePolicyMutualCredit, HalfLifeSeconds: 31_556_952,
			DefaultCreditLimit: sdkmath.NewInt(creditLimit), MaxBalance: sdkmath.NewInt(1000 * unit),
		}
	}
	tests := []struct {
		name   string
		mutate func(*types.MsgCreateCurrency)
		want   error
	}{
		{"half-life of a second", func(m *types.MsgCreateCurrency) { m.HalfLifeSeconds = 1 }, types.ErrInvalidHalfLife},
		{"half-life a second short of a day", func(m *types.MsgCreateCurrency) { m.HalfLifeSeconds = 86_399 }, types.ErrInvalidHalfLife},
		{"default credit limit on an admin currency", func(m *types.MsgCreateCurrency) {
			m.IssuancePolicy = types.IssuancePolicyAdmin
		}, types.ErrCreditNotAllowed},
		{"default credit limit with the unspecified policy", func(m *types.MsgCreateCurrency) {
			m.IssuancePolicy = types.IssuancePolicyUnspecified
		}, types.ErrCreditNotAllowed},
		{"negative default credit limit", func(m *types.MsgCreateCurrency) { m.DefaultCreditLimit = sdkmath.NewInt(-1) }, types.ErrInvalidLimit},
		{"default credit limit above 2^128", func(m *types.MsgCreateCurrency) { m.DefaultCreditLimit = types.MaxLimit.AddRaw(1) }, types.ErrInvalidLimit},
		{"negative maximum", func(m *types.MsgCreateCurrency) { m.MaxBalance = sdkmath.NewInt(-1) }, types.ErrInvalidLimit},
		{"maximum above 2^128", func(m *types.MsgCreateCurrency) { m.MaxBalance = maxInt() }, types.ErrInvalidLimit},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(msg)
			f.requireRejected(t, tc.want, func() error {
				_, err := f.msgs.CreateCurrency(f.ctx, msg)
				return err
			})
		})
	}

	msg := valid()
	msg.HalfLifeSeconds, msg.DefaultCreditLimit, msg.MaxBalance = types.MinHalfLifeSeconds, types.MaxLimit, types.MaxLimit
	_, err := f.msgs.CreateCurrency(f.ctx, msg)
	require.NoError(t, err, "a day's half-life and limits of 2^128 are accepted")
	c, err := f.keeper.GetCurrency(f.ctx, garden)
	require.NoError(t, err)
	require.Equal(t, types.MinHalfLifeSeconds, c.HalfLifeSeconds)
	require.Equal(t, types.MaxLimit, c.DefaultCreditLimit)
	require.Equal(t, types.MaxLimit, c.MaxBalance)
	event := lastEvent[*types.EventCurrencyCreated](t, f)
	require.Equal(t, types.MinHalfLifeSeconds, event.HalfLifeSeconds)
	require.Equal(t, types.MaxLimit, event.DefaultCreditLimit)
}

func TestUpdateCurrency_RejectsBadCreditSettings(t *testing.T) {
	f := newCreditGarden(t)
	tests := []struct {
		name   string
		mutate func(*types.MsgUpdateCurrency)
		want   error
	}{
		{"negative default credit limit", func(m *types.MsgUpdateCurrency) { m.DefaultCreditLimit = sdkmath.NewInt(-1) }, types.ErrInvalidLimit},
		{"default credit limit above 2^128", func(m *types.MsgUpdateCurrency) { m.DefaultCreditLimit = types.MaxLimit.AddRaw(1) }, types.ErrInvalidLimit},
		{"negative maximum", func(m *types.MsgUpdateCurrency) { m.MaxBalance = sdkmath.NewInt(-1) }, types.ErrInvalidLimit},
		{"maximum above 2^128", func(m *types.MsgUpdateCurrency) { m.MaxBalance = maxInt() }, types.ErrInvalidLimit},
		{"default credit limit set and cleared", func(m *types.MsgUpdateCurrency) {
			m.DefaultCreditLimit, m.ClearFields = sdkmath.NewInt(unit), []string{types.CurrencyFieldDefaultCreditLimit}
		}, types.ErrInvalidClearField},
		{"maximum set and cleared", func(m *types.MsgUpdateCurrency) {
			m.MaxBalance, m.ClearFields = sdkmath.NewInt(unit), []string{types.CurrencyFieldMaxBalance}
		}, types.ErrInvalidClearField},
		{"zero amounts change nothing", func(m *types.MsgUpdateCurrency) {
			m.DefaultCreditLimit, m.MaxBalance = sdkmath.ZeroInt(), sdkmath.ZeroInt()
		}, types.ErrNothingToUpdate},
		{"leaving credit with a default credit limit", func(m *types.MsgUpdateCurrency) {
			m.IssuancePolicy = types.IssuancePolicyAdmin
		}, types.ErrCreditNotAllowed},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f.requireRejected(t, tc.want, func() error { return f.updateCurrency(tc.mutate) })
		})
	}
}

func TestUpdateCurrency_CreditNeedsAMutualCreditPolicy(t *testing.T) {
	f := newGarden(t)
	f.requireRejected(t, types.ErrCreditNotAllowed, func() error {
		return f.updateCurrency(func(m *types.MsgUpdateCurrency) { m.DefaultCreditLimit = sdkmath.NewInt(10 * unit) })
	})

	// Switching to mutual credit and opening credit may go together.
	require.NoError(t, f.updateCurrency(func(m *types.MsgUpdateCurrency) {
		m.IssuancePolicy, m.DefaultCreditLimit = types.IssuancePolicyMutualCreditAndCreation, sdkmath.NewInt(10*unit)
	}))
	event := lastEvent[*types.EventCurrencyUpdated](t, f)
	require.Equal(t, types.IssuancePolicyMutualCreditAndCreation, event.IssuancePolicy)
	require.Equal(t, sdkmath.NewInt(10*unit), event.DefaultCreditLimit)
	f.pay(t, "bob", "carol", 10*unit)
	require.Equal(t, sdkmath.NewInt(10*unit), f.account(t, "bob").Debt)
}

func TestUpdateCurrency_LeavingMutualCreditNeedsEveryDebtRepaid(t *testing.T) {
	f := newCreditGarden(t)
	f.pay(t, "bob", "carol", 30*unit)
	toAdmin := func(m *types.MsgUpdateCurrency) {
		m.IssuancePolicy, m.ClearFields = types.IssuancePolicyAdmin, []string{types.CurrencyFieldDefaultCreditLimit}
	}
	f.requireRejected(t, types.ErrDebtOutstanding, func() error { return f.updateCurrency(toAdmin) })
	f.requireRejected(t, types.ErrDebtOutstanding, func() error {
		return f.updateCurrency(func(m *types.MsgUpdateCurrency) {
			m.IssuancePolicy, m.ClearFields = types.IssuancePolicyContribution, []string{types.CurrencyFieldDefaultCreditLimit}
		})
	})
	require.NoError(t, f.updateCurrency(func(m *types.MsgUpdateCurrency) {
		m.IssuancePolicy = types.IssuancePolicyMutualCreditAndCreation
	}), "from one credit policy to the other, debt may stay")

	f.pay(t, "carol", "bob", 30*unit)
	require.True(t, f.currency(t).Debt.IsZero())
	require.NoError(t, f.updateCurrency(toAdmin))
	c := f.currency(t).Currency
	require.Equal(t, types.IssuancePolicyAdmin, c.IssuancePolicy)
	require.True(t, c.DefaultCreditLimit.IsZero())
	f.requireRejected(t, sdkerrors.ErrInsufficientFunds, func() error {
		_, err := f.transfer("bob", "carol", 1)
		return err
	})
}

func TestUpdateCurrency_ALowerDefaultLimitBelowADebtorFollowingItIsRefused(t *testing.T) {
	f := newCreditGarden(t)
	f.pay(t, "bob", "carol", 40*unit)
	require.NoError(t, f.setLimits("mod", func(m *types.MsgSetAccountLimits) { m.CreditLimit = intPtr(100 * unit) }))
	f.pay(t, "mod", "carol", 60*unit)

	lower := func(limit int64) func() error {
		return func() error {
			return f.updateCurrency(func(m *types.MsgUpdateCurrency) { m.DefaultCreditLimit = sdkmath.NewInt(limit) })
		}
	}
	f.requireRejected(t, types.ErrLimitBelowDebt, lower(40*unit-1))
	f.requireRejected(t, types.ErrLimitBelowDebt, func() error {
		return f.updateCurrency(func(m *types.MsgUpdateCurrency) { m.ClearFields = []string{types.CurrencyFieldDefaultCreditLimit} })
	})
	require.NoError(t, lower(40*unit)(), "mod owes 60 but has a limit of its own")
	require.Equal(t, sdkmath.NewInt(40*unit), f.account(t, "bob").CreditLimit)
	require.Equal(t, sdkmath.NewInt(100*unit), f.account(t, "mod").CreditLimit)

	require.NoError(t, f.setLimits("bob", func(m *types.MsgSetAccountLimits) { m.CreditLimit = intPtr(40 * unit) }))
	require.NoError(t, lower(unit)(), "no debtor follows the default any more")
	require.NoError(t, lower(200*unit)(), "raising the default is always allowed")
}

func TestUpdateCurrency_AMaximumBelowAHolderFollowingItIsRefused(t *testing.T) {
	f := newGarden(t)
	f.issue(t, garden, "alice", "bob", 100*unit)
	f.issue(t, garden, "alice", "carol", 10*unit)
	setMax := func(max int64) func() error {
		return func() error {
			return f.updateCurrency(func(m *types.MsgUpdateCurrency) { m.MaxBalance = sdkmath.NewInt(max) })
		}
	}
	f.requireRejected(t, types.ErrMaxBelowBalance, setMax(100*unit-1))
	require.NoError(t, setMax(100*unit)())
	f.requireRejected(t, types.ErrMaxBelowBalance, setMax(100*unit-1))
	require.NoError(t, setMax(200*unit)(), "raising the maximum is always allowed")

	require.NoError(t, f.setLimits("bob", func(m *types.MsgSetAccountLimits) { m.MaxBalance = intPtr(100 * unit) }))
	require.NoError(t, setMax(10*unit)(), "bob has a maximum of his own")
	f.requireRejected(t, types.ErrMaxBelowBalance, setMax(10*unit-1))
	require.NoError(t, f.updateCurrency(func(m *types.MsgUpdateCurrency) { m.ClearFields = []string{types.CurrencyFieldMaxBalance} }))
	require.True(t, f.currency(t).Currency.MaxBalance.IsZero())
}
