package types_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

func intPtr(n int64) *sdkmath.Int {
	v := sdkmath.NewInt(n)
	return &v
}

func TestMsgCreateCurrencyValidate_DecayAndCreditSettings(t *testing.T) {
	p := types.DefaultParams()
	valid := func() types.MsgCreateCurrency {
		return types.MsgCreateCurrency{
			Code: "GDD", Name: "Gradido", Decimals: 4, IssuancePolicy: types.IssuancePolicyMutualCredit,
			HalfLifeSeconds: 31_556_952, DefaultCreditLimit: sdkmath.NewInt(500_000), MaxBalance: sdkmath.NewInt(10_000_000),
		}
	}
	for _, tc := range []struct {
		name   string
		mutate func(*types.MsgCreateCurrency)
		want   error
	}{
		{"valid", func(*types.MsgCreateCurrency) {}, nil},
		{"no decay", func(m *types.MsgCreateCurrency) { m.HalfLifeSeconds = 0 }, nil},
		{"a day's half-life", func(m *types.MsgCreateCurrency) { m.HalfLifeSeconds = 86_400 }, nil},
		{"the longest half-life", func(m *types.MsgCreateCurrency) { m.HalfLifeSeconds = ^uint64(0) }, nil},
		{"limits left out", func(m *types.MsgCreateCurrency) { m.DefaultCreditLimit, m.MaxBalance = sdkmath.Int{}, sdkmath.Int{} }, nil},
		{"limits of 2^128", func(m *types.MsgCreateCurrency) { m.DefaultCreditLimit, m.MaxBalance = types.MaxLimit, types.MaxLimit }, nil},
		{"credit and creation", func(m *types.MsgCreateCurrency) { m.IssuancePolicy = types.IssuancePolicyMutualCreditAndCreation }, nil},
		{"no credit limit on an admin currency", func(m *types.MsgCreateCurrency) {
			m.IssuancePolicy, m.DefaultCreditLimit = types.IssuancePolicyAdmin, sdkmath.ZeroInt()
		}, nil},
		{"half-life of a second", func(m *types.MsgCreateCurrency) { m.HalfLifeSeconds = 1 }, types.ErrInvalidHalfLife},
		{"half-life a second short of a day", func(m *types.MsgCreateCurrency) { m.HalfLifeSeconds = 86_399 }, types.ErrInvalidHalfLife},
		{"credit limit on an admin currency", func(m *types.MsgCreateCurrency) { m.IssuancePolicy = types.IssuancePolicyAdmin }, types.ErrCreditNotAllowed},
		{"credit limit on a contribution currency", func(m *types.MsgCreateCurrency) {
			m.IssuancePolicy = types.IssuancePolicyContribution
		}, types.ErrCreditNotAllowed},
		{"credit limit with the unspecified policy", func(m *types.MsgCreateCurrency) {
			m.IssuancePolicy = types.IssuancePolicyUnspecified
		}, types.ErrCreditNotAllowed},
		{"negative credit limit", func(m *types.MsgCreateCurrency) { m.DefaultCreditLimit = sdkmath.NewInt(-1) }, types.ErrInvalidLimit},
		{"credit limit above 2^128", func(m *types.MsgCreateCurrency) { m.DefaultCreditLimit = types.MaxLimit.AddRaw(1) }, types.ErrInvalidLimit},
		{"negative maximum", func(m *types.MsgCreateCurrency) { m.MaxBalance = sdkmath.NewInt(-1) }, types.ErrInvalidLimit},
		{"maximum above 2^128", func(m *types.MsgCreateCurrency) { m.MaxBalance = types.MaxLimit.AddRaw(1) }, types.ErrInvalidLimit},
	} {
		t.Run(tc.name, func(t *testing.T) {
			msg := valid()
			tc.mutate(&msg)
			err := msg.Validate(p)
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.want)
		})
	}
}

func TestMsgUpdateCurrencyValidate_CreditSettings(t *testing.T) {
	p := types.DefaultParams()
	current := types.Currency{
		CommunityId: 1, Code: "GDD", Name: "Gradido", Denom: "cc/1/GDD", IssuancePolicy: types.IssuancePolicyMutualCredit,
		FeeBps: 100, DefaultCreditLimit: sdkmath.NewInt(50), MaxBalance: sdkmath.NewInt(1000),
	}
	for _, tc := range []struct {
		name       string
		msg        types.MsgUpdateCurrency
		limit, max int64 // of the updated currency
		wantErr    error
	}{
		{name: "new default credit limit", msg: types.MsgUpdateCurrency{DefaultCreditLimit: sdkmath.NewInt(70)}, limit: 70, max: 1000},
		{name: "new maximum", msg: types.MsgUpdateCurrency{MaxBalance: sdkmath.NewInt(2000)}, limit: 50, max: 2000},
		{name: "both", msg: types.MsgUpdateCurrency{DefaultCreditLimit: sdkmath.NewInt(1), MaxBalance: sdkmath.NewInt(2)}, limit: 1, max: 2},
		{name: "credit limit cleared", msg: types.MsgUpdateCurrency{ClearFields: []string{"default_credit_limit"}}, limit: 0, max: 1000},
		{name: "maximum cleared", msg: types.MsgUpdateCurrency{ClearFields: []string{"max_balance"}}, limit: 50, max: 0},
		{name: "both cleared", msg: types.MsgUpdateCurrency{ClearFields: []string{"max_balance", "default_credit_limit"}}, limit: 0, max: 0},
		{name: "limit cleared, policy changed", msg: types.MsgUpdateCurrency{
			IssuancePolicy: types.IssuancePolicyAdmin, ClearFields: []string{"default_credit_limit"},
		}, limit: 0, max: 1000},
		{name: "zero amounts are left out", msg: types.MsgUpdateCurrency{DefaultCreditLimit: sdkmath.ZeroInt(), Name: "Hours"}, limit: 50, max: 1000},
		{name: "nothing but zero amounts", msg: types.MsgUpdateCurrency{DefaultCreditLimit: sdkmath.ZeroInt(), MaxBalance: sdkmath.ZeroInt()}, wantErr: types.ErrNothingToUpdate},
		{name: "negative credit limit", msg: types.MsgUpdateCurrency{DefaultCreditLimit: sdkmath.NewInt(-1)}, wantErr: types.ErrInvalidLimit},
		{name: "credit limit above 2^128", msg: types.MsgUpdateCurrency{DefaultCreditLimit: types.MaxLimit.AddRaw(1)}, wantErr: types.ErrInvalidLimit},
		{name: "negative maximum", msg: types.MsgUpdateCurrency{MaxBalance: sdkmath.NewInt(-1)}, wantErr: types.ErrInvalidLimit},
		{name: "credit limit set and cleared", msg: types.MsgUpdateCurrency{
			DefaultCreditLimit: sdkmath.NewInt(1), ClearFields: []string{"default_credit_limit"},
		}, wantErr: types.ErrInvalidClearField},
		{name: "maximum set and cleared", msg: types.MsgUpdateCurrency{
			MaxBalance: sdkmath.NewInt(1), ClearFields: []string{"max_balance"},
		}, wantErr: types.ErrInvalidClearField},
		{name: "maximum cleared twice", msg: types.MsgUpdateCurrency{ClearFields: []string{"max_balance", "max_balance"}}, wantErr: types.ErrInvalidClearField},
		{name: "half-life is no field to clear", msg: types.MsgUpdateCurrency{ClearFields: []string{"half_life_seconds"}}, wantErr: types.ErrInvalidClearField},
	} {
		t.Run(tc.name, func(t *testing.T) {
			update, err := tc.msg.Validate(p)
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			c := update.Apply(current)
			require.Equal(t, sdkmath.NewInt(tc.limit).String(), c.DefaultCreditLimit.String())
			require.Equal(t, sdkmath.NewInt(tc.max).String(), c.MaxBalance.String())
			require.Equal(t, current.HalfLifeSeconds, c.HalfLifeSeconds)
		})
	}

	// A currency stored before the new fields existed reads them back unset.
	old := current
	old.DefaultCreditLimit, old.MaxBalance = sdkmath.Int{}, sdkmath.Int{}
	update, err := (&types.MsgUpdateCurrency{Name: "Hours"}).Validate(p)
	require.NoError(t, err)
	c := update.Apply(old)
	require.True(t, c.DefaultCreditLimit.IsZero())
	require.True(t, c.MaxBalance.IsZero())
	require.NoError(t, c.ValidateCredit())
}

func TestMsgSetAccountLimitsValidate(t *testing.T) {
	for _, tc := range []struct {
		name    string
		msg     types.MsgSetAccountLimits
		want    types.Account // applied to an account with both limits set
		wantErr error
	}{
		{name: "credit limit", msg: types.MsgSetAccountLimits{CreditLimit: intPtr(70)}, want: types.Account{CreditLimit: intPtr(70), MaxBalance: intPtr(9)}},
		{name: "credit limit of 0", msg: types.MsgSetAccountLimits{CreditLimit: intPtr(0)}, want: types.Account{CreditLimit: intPtr(0), MaxBalance: intPtr(9)}},
		{name: "maximum", msg: types.MsgSetAccountLimits{MaxBalance: intPtr(1)}, want: types.Account{CreditLimit: intPtr(8), MaxBalance: intPtr(1)}},
		{name: "both", msg: types.MsgSetAccountLimits{CreditLimit: intPtr(2), MaxBalance: intPtr(3)}, want: types.Account{CreditLimit: intPtr(2), MaxBalance: intPtr(3)}},
		{name: "limits of 2^128", msg: types.MsgSetAccountLimits{CreditLimit: &types.MaxLimit, MaxBalance: &types.MaxLimit}, want: types.Account{
			CreditLimit: &types.MaxLimit, MaxBalance: &types.MaxLimit,
		}},
		{name: "credit limit cleared", msg: types.MsgSetAccountLimits{ClearFields: []string{"credit_limit"}}, want: types.Account{MaxBalance: intPtr(9)}},
		{name: "maximum cleared", msg: types.MsgSetAccountLimits{ClearFields: []string{"max_balance"}}, want: types.Account{CreditLimit: intPtr(8)}},
		{name: "one set, the other cleared", msg: types.MsgSetAccountLimits{CreditLimit: intPtr(5), ClearFields: []string{"max_balance"}}, want: types.Account{
			CreditLimit: intPtr(5),
		}},
		{name: "nothing", msg: types.MsgSetAccountLimits{}, wantErr: types.ErrNothingToUpdate},
		{name: "unset amounts", msg: types.MsgSetAccountLimits{CreditLimit: &sdkmath.Int{}, MaxBalance: &sdkmath.Int{}}, wantErr: types.ErrNothingToUpdate},
		{name: "negative credit limit", msg: types.MsgSetAccountLimits{CreditLimit: intPtr(-1)}, wantErr: types.ErrInvalidLimit},
		{name: "credit limit above 2^128", msg: types.MsgSetAccountLimits{CreditLimit: func() *sdkmath.Int {
			v := types.MaxLimit.AddRaw(1)
			return &v
		}()}, wantErr: types.ErrInvalidLimit},
		{name: "maximum of 0", msg: types.MsgSetAccountLimits{MaxBalance: intPtr(0)}, wantErr: types.ErrInvalidLimit},
		{name: "negative maximum", msg: types.MsgSetAccountLimits{MaxBalance: intPtr(-1)}, wantErr: types.ErrInvalidLimit},
		{name: "credit limit set and cleared", msg: types.MsgSetAccountLimits{CreditLimit: intPtr(1), ClearFields: []string{"credit_limit"}}, wantErr: types.ErrInvalidClearField},
		{name: "maximum set and cleared", msg: types.MsgSetAccountLimits{MaxBalance: intPtr(1), ClearFields: []string{"max_balance"}}, wantErr: types.ErrInvalidClearField},
		{name: "cleared twice", msg: types.MsgSetAccountLimits{ClearFields: []string{"credit_limit", "credit_limit"}}, wantErr: types.ErrInvalidClearField},
		{name: "debt is no limit", msg: types.MsgSetAccountLimits{ClearFields: []string{"debt"}}, wantErr: types.ErrInvalidClearField},
	} {
		t.Run(tc.name, func(t *testing.T) {
			limits, err := tc.msg.Validate()
			if tc.wantErr != nil {
				require.ErrorIs(t, err, tc.wantErr)
				return
			}
			require.NoError(t, err)
			got := limits.Apply(types.Account{CreditLimit: intPtr(8), MaxBalance: intPtr(9)})
			require.Equal(t, limitText(tc.want.CreditLimit), limitText(got.CreditLimit))
			require.Equal(t, limitText(tc.want.MaxBalance), limitText(got.MaxBalance))
		})
	}

	// Apply copies the limits: the Msg's amounts are not shared.
	msg := types.MsgSetAccountLimits{CreditLimit: intPtr(4)}
	limits, err := msg.Validate()
	require.NoError(t, err)
	a := limits.Apply(types.Account{})
	require.NotSame(t, msg.CreditLimit, a.CreditLimit)
}

func limitText(v *sdkmath.Int) string {
	if v == nil {
		return "unset"
	}
	return v.String()
}

func TestPaymentRequestMsgsValidate(t *testing.T) {
	p := types.DefaultParams()
	request := func(mutate func(*types.MsgRequestPayment)) *types.MsgRequestPayment {
		m := &types.MsgRequestPayment{Amount: sdkmath.NewInt(5), Memo: "apples"}
		mutate(m)
		return m
	}
	for _, tc := range []struct {
		name string
		msg  *types.MsgRequestPayment
		want error
	}{
		{"valid", request(func(*types.MsgRequestPayment) {}), nil},
		{"longest expiry", request(func(m *types.MsgRequestPayment) { m.ExpirySeconds = p.MaxPaymentRequestSeconds }), nil},
		{"a second's expiry", request(func(m *types.MsgRequestPayment) { m.ExpirySeconds = 1 }), nil},
		{"longest memo", request(func(m *types.MsgRequestPayment) { m.Memo = strings.Repeat("m", 512) }), nil},
		{"expiry beyond the params", request(func(m *types.MsgRequestPayment) { m.ExpirySeconds = p.MaxPaymentRequestSeconds + 1 }), types.ErrInvalidExpiry},
		{"zero amount", request(func(m *types.MsgRequestPayment) { m.Amount = sdkmath.ZeroInt() }), types.ErrInvalidAmount},
		{"missing amount", request(func(m *types.MsgRequestPayment) { m.Amount = sdkmath.Int{} }), types.ErrInvalidAmount},
		{"negative amount", request(func(m *types.MsgRequestPayment) { m.Amount = sdkmath.NewInt(-5) }), types.ErrInvalidAmount},
		{"memo too long", request(func(m *types.MsgRequestPayment) { m.Memo = strings.Repeat("m", 513) }), types.ErrInvalidMemo},
		{"memo with a control character", request(func(m *types.MsgRequestPayment) { m.Memo = "a\x00b" }), types.ErrInvalidMemo},
	} {
		t.Run("request: "+tc.name, func(t *testing.T) {
			err := tc.msg.Validate(p)
			if tc.want == nil {
				require.NoError(t, err)
				return
			}
			require.ErrorIs(t, err, tc.want)
		})
	}
	require.Equal(t, p.MaxPaymentRequestSeconds, (&types.MsgRequestPayment{}).Expiry(p), "0: the longest the params allow")
	require.Equal(t, uint64(60), (&types.MsgRequestPayment{ExpirySeconds: 60}).Expiry(p))

	require.NoError(t, (&types.MsgAcceptPaymentRequest{ExpectedFeeBps: 10_000}).Validate())
	require.ErrorIs(t, (&types.MsgAcceptPaymentRequest{ExpectedFeeBps: 10_001}).Validate(), types.ErrInvalidFee)
	require.NoError(t, (&types.MsgRejectPaymentRequest{}).Validate(p), "a reason is optional")
	require.NoError(t, (&types.MsgRejectPaymentRequest{Reason: strings.Repeat("r", 512)}).Validate(p))
	require.ErrorIs(t, (&types.MsgRejectPaymentRequest{Reason: strings.Repeat("r", 513)}).Validate(p), types.ErrInvalidMemo)
}

func TestCurrency_CreditLimitAndMaximumOfAnAccount(t *testing.T) {
	credit := types.Currency{IssuancePolicy: types.IssuancePolicyMutualCredit, DefaultCreditLimit: sdkmath.NewInt(50), MaxBalance: sdkmath.NewInt(100)}
	limit, isDefault := credit.CreditLimit(types.Account{})
	require.Equal(t, "50", limit.String())
	require.True(t, isDefault)
	limit, isDefault = credit.CreditLimit(types.Account{CreditLimit: intPtr(0)})
	require.Equal(t, "0", limit.String(), "a limit of 0 of its own: no credit")
	require.False(t, isDefault)
	maxBalance, isDefault := credit.MaxBalanceOf(types.Account{})
	require.Equal(t, "100", maxBalance.String())
	require.True(t, isDefault)
	maxBalance, isDefault = credit.MaxBalanceOf(types.Account{MaxBalance: intPtr(7)})
	require.Equal(t, "7", maxBalance.String())
	require.False(t, isDefault)

	admin := types.Currency{IssuancePolicy: types.IssuancePolicyAdmin}
	limit, _ = admin.CreditLimit(types.Account{CreditLimit: intPtr(70)})
	require.True(t, limit.IsZero(), "without mutual credit every limit is 0")
	maxBalance, _ = admin.MaxBalanceOf(types.Account{})
	require.True(t, maxBalance.IsZero(), "a currency stored before maximums existed has none")

	for _, p := range []types.IssuancePolicy{types.IssuancePolicyMutualCredit, types.IssuancePolicyMutualCreditAndCreation} {
		require.True(t, p.AllowsCredit(), "%s", p)
	}
	for _, p := range []types.IssuancePolicy{types.IssuancePolicyAdmin, types.IssuancePolicyContribution, types.IssuancePolicyAdminAndContribution} {
		require.False(t, p.AllowsCredit(), "%s", p)
	}
	require.False(t, types.IssuancePolicyMutualCredit.AllowsAdminIssuance())
	require.False(t, types.IssuancePolicyMutualCredit.AllowsContributions())
	require.True(t, types.IssuancePolicyMutualCreditAndCreation.AllowsAdminIssuance())
	require.True(t, types.IssuancePolicyMutualCreditAndCreation.AllowsContributions())
}
