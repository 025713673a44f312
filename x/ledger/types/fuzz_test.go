package types_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/testutil/fuzzcheck"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// The fuzz targets of this file check the validation of x/ledger's Msgs
// against the default params. Every target checks the properties each
// validation must have (see fuzzcheck.Twice) and what the Msg server builds on
// an accepted Msg: the currency's x/bank metadata, the target month, the
// transfer fee.

// validationErrors are the errors the Msg validation may return: the
// module's registered errors. Any other error is a bug.
var validationErrors = []error{
	types.ErrInvalidParams, types.ErrInvalidCode, types.ErrInvalidName, types.ErrInvalidDecimals,
	types.ErrInvalidIssuancePolicy, types.ErrInvalidFee, types.ErrInvalidAmount, types.ErrInvalidMemo,
	types.ErrInvalidMonth, types.ErrMonthOutOfWindow, types.ErrNothingToUpdate, types.ErrInvalidClearField,
	types.ErrInvalidHalfLife, types.ErrInvalidLimit, types.ErrCreditNotAllowed, types.ErrInvalidExpiry,
}

// limitSeeds are amounts for the limits of the fuzz targets: none, 0, one
// unit, 2^128 and one above, negative, 2^256 − 1 and no number.
var limitSeeds = []string{
	"", "0", "1", "340282366920938463463374607431768211456", "340282366920938463463374607431768211457", "-1",
	"115792089237316195423570985008687907853269984665640564039457584007913129639935", "1e3",
}

// requireWithinLimits checks what an accepted limit may be: unset, or
// between 0 and 2^128.
func requireWithinLimits(t *testing.T, field string, v *sdkmath.Int) {
	t.Helper()
	if v == nil {
		return
	}
	require.NoError(t, types.ValidateLimit(field, *v))
}

// FuzzMsgCreateCurrencyValidate checks that MsgCreateCurrency.Validate never
// panics, is deterministic and fails only with registered errors, and that
// the currency the Msg server builds from an accepted Msg has a valid x/bank
// denom and metadata, a half-life of none or at least a day, and credit
// settings that fit its policy.
func FuzzMsgCreateCurrencyValidate(f *testing.F) {
	f.Add("GDD", "Garden dollar", uint32(4), int32(0), uint32(0), uint64(1), uint64(0), "", "")
	f.Add("TIME", "Time bank hours", uint32(0), int32(types.IssuancePolicyContribution), uint32(150), uint64(42), uint64(0), "", "")
	f.Add("A1", "Short", uint32(2), int32(types.IssuancePolicyAdmin), uint32(0), uint64(1), uint64(86_400), "0", "1")
	f.Add("123", "Digits", uint32(18), int32(types.IssuancePolicyAdminAndContribution), uint32(10_000), uint64(18446744073709551615), uint64(0), "", "")
	f.Add("ABCDEFGH", "Eight", uint32(19), int32(9), uint32(10_001), uint64(1), uint64(0), "", "")
	f.Add("gdd", " Garden", uint32(0), int32(-1), uint32(0), uint64(1), uint64(0), "", "")
	f.Add("GD-D", "Gar\u200bden", uint32(0), int32(0), uint32(0), uint64(1), uint64(0), "", "")
	f.Add("ABCDEFGHI", "", uint32(0), int32(0), uint32(0), uint64(1), uint64(0), "", "")
	for i, limit := range limitSeeds {
		f.Add("GDD", "Gradido", uint32(4), int32(types.IssuancePolicyMutualCredit), uint32(0), uint64(1), uint64(31_556_952), limit, limitSeeds[(i+1)%len(limitSeeds)])
		f.Add("GDD", "Gradido", uint32(4), int32(types.IssuancePolicyAdmin), uint32(0), uint64(1), uint64(86_399), limit, limit)
	}
	f.Add("GDD", "Gradido", uint32(4), int32(types.IssuancePolicyMutualCreditAndCreation), uint32(100), uint64(1), uint64(1), "500000", "")
	f.Fuzz(func(t *testing.T, code, name string, decimals uint32, policy int32, feeBps uint32, communityID, halfLife uint64, creditLimit, maxBalance string) {
		p := types.DefaultParams()
		msg := &types.MsgCreateCurrency{
			CommunityId: communityID, Code: code, Name: name, Decimals: decimals,
			IssuancePolicy: types.IssuancePolicy(policy), FeeBps: feeBps,
			HalfLifeSeconds: halfLife, DefaultCreditLimit: fuzzcheck.Int(creditLimit), MaxBalance: fuzzcheck.Int(maxBalance),
		}
		err := fuzzcheck.TwiceErr(t, validationErrors, func() error { return msg.Validate(p) })
		if err != nil {
			return
		}
		require.NoError(t, types.ValidateIssuancePolicy(msg.Policy()))
		denom := types.Denom(communityID, code)
		require.NoError(t, sdk.ValidateDenom(denom))
		c := types.Currency{
			CommunityId: communityID, Code: code, Name: name, Decimals: decimals, Denom: denom,
			IssuancePolicy: msg.Policy(), FeeBps: feeBps, HalfLifeSeconds: halfLife,
			DefaultCreditLimit: types.IntOrZero(msg.DefaultCreditLimit), MaxBalance: types.IntOrZero(msg.MaxBalance),
		}
		require.NoError(t, c.Metadata().Validate(), "x/bank metadata of an accepted currency")
		require.True(t, halfLife == 0 || halfLife >= types.MinHalfLifeSeconds, "half-life %d", halfLife)
		require.NoError(t, c.ValidateCredit(), "credit settings of an accepted currency")
		if limit, _ := c.CreditLimit(types.Account{}); limit.IsPositive() {
			require.True(t, c.IssuancePolicy.AllowsCredit(), "a credit limit of %s under %s", limit, c.IssuancePolicy)
		}
	})
}

// FuzzMsgUpdateCurrencyValidate checks that MsgUpdateCurrency.Validate never
// panics, is deterministic and fails only with registered errors, and that
// an accepted update applied to a valid currency leaves it valid, its
// limits within 2^128 and its half-life as it was.
func FuzzMsgUpdateCurrencyValidate(f *testing.F) {
	f.Add("Garden dollar", int32(0), uint32(0), "", "", "")
	f.Add("", int32(types.IssuancePolicyAdmin), uint32(150), "", "", "")
	f.Add("", int32(0), uint32(0), "fee", "", "")
	f.Add("", int32(0), uint32(150), "fee", "", "")
	f.Add("", int32(0), uint32(0), "fee,fee", "", "")
	f.Add("", int32(0), uint32(0), "name", "", "")
	f.Add("", int32(0), uint32(0), "", "", "")
	f.Add("", int32(0), uint32(10_001), "", "", "")
	f.Add(" Name", int32(12), uint32(0), "", "", "")
	f.Add("", int32(0), uint32(0), "default_credit_limit,max_balance", "", "")
	f.Add("", int32(0), uint32(0), "default_credit_limit", "5", "")
	f.Add("", int32(0), uint32(0), "max_balance", "", "0")
	f.Add("", int32(0), uint32(0), "half_life_seconds", "", "")
	for i, limit := range limitSeeds {
		f.Add("", int32(types.IssuancePolicyMutualCredit), uint32(0), "", limit, limitSeeds[(i+3)%len(limitSeeds)])
	}
	f.Fuzz(func(t *testing.T, name string, policy int32, feeBps uint32, clear, creditLimit, maxBalance string) {
		p := types.DefaultParams()
		msg := &types.MsgUpdateCurrency{
			Name: name, IssuancePolicy: types.IssuancePolicy(policy), FeeBps: feeBps, ClearFields: fuzzcheck.List(clear),
			DefaultCreditLimit: fuzzcheck.Int(creditLimit), MaxBalance: fuzzcheck.Int(maxBalance),
		}
		update, err := fuzzcheck.Twice(t, validationErrors, func() (types.CurrencyUpdate, error) { return msg.Validate(p) })
		if err != nil {
			return
		}
		c := update.Apply(types.Currency{
			CommunityId: 1, Code: "GDD", Name: "Garden dollar", Decimals: 4, Denom: types.Denom(1, "GDD"),
			IssuancePolicy: types.IssuancePolicyAdminAndContribution, FeeBps: 150, HalfLifeSeconds: 31_556_952,
		})
		require.NoError(t, p.ValidateName(c.Name))
		require.NoError(t, types.ValidateIssuancePolicy(c.IssuancePolicy))
		require.NoError(t, types.ValidateFeeBps(c.FeeBps))
		require.NoError(t, c.Metadata().Validate())
		require.NoError(t, types.ValidateLimit("default_credit_limit", c.DefaultCreditLimit))
		require.NoError(t, types.ValidateLimit("max_balance", c.MaxBalance))
		require.Equal(t, uint64(31_556_952), c.HalfLifeSeconds, "the half-life never changes")
	})
}

// FuzzMsgSetAccountLimitsValidate checks that MsgSetAccountLimits.Validate
// never panics, is deterministic and fails only with registered errors,
// and that accepted limits, applied to an account, leave each unset or
// within 2^128, a maximum positive, and change something.
func FuzzMsgSetAccountLimitsValidate(f *testing.F) {
	for i, limit := range limitSeeds {
		f.Add(limit, limitSeeds[(i+2)%len(limitSeeds)], "")
		f.Add(limit, "", "max_balance")
		f.Add("", limit, "credit_limit")
	}
	f.Add("", "", "credit_limit,max_balance")
	f.Add("", "", "credit_limit,credit_limit")
	f.Add("", "", "debt")
	f.Fuzz(func(t *testing.T, creditLimit, maxBalance, clear string) {
		msg := &types.MsgSetAccountLimits{ClearFields: fuzzcheck.List(clear)}
		if creditLimit != "" {
			v := fuzzcheck.Int(creditLimit)
			msg.CreditLimit = &v
		}
		if maxBalance != "" {
			v := fuzzcheck.Int(maxBalance)
			msg.MaxBalance = &v
		}
		limits, err := fuzzcheck.Twice(t, validationErrors, msg.Validate)
		if err != nil {
			return
		}
		require.True(t, limits.CreditLimit != nil || limits.MaxBalance != nil || limits.ClearCreditLimit || limits.ClearMaxBalance,
			"an accepted Msg changes something")
		requireWithinLimits(t, "credit_limit", limits.CreditLimit)
		requireWithinLimits(t, "max_balance", limits.MaxBalance)
		if limits.MaxBalance != nil {
			require.True(t, limits.MaxBalance.IsPositive(), "maximum %s", limits.MaxBalance)
		}
		own := sdkmath.NewInt(7)
		a := limits.Apply(types.Account{CreditLimit: &own, MaxBalance: &own})
		for _, l := range []struct {
			set     *sdkmath.Int
			cleared bool
			got     *sdkmath.Int
		}{{limits.CreditLimit, limits.ClearCreditLimit, a.CreditLimit}, {limits.MaxBalance, limits.ClearMaxBalance, a.MaxBalance}} {
			switch {
			case l.set != nil:
				require.Equal(t, l.set.String(), l.got.String())
				require.NotSame(t, l.set, l.got, "the account does not share the Msg's amount")
			case l.cleared:
				require.Nil(t, l.got)
			default:
				require.Same(t, &own, l.got, "a limit the Msg leaves out stays")
			}
		}
	})
}

// Kinds of the Msgs FuzzPaymentRequestMsgsValidate checks.
const (
	kindRequestPayment = iota
	kindAcceptPaymentRequest
	kindRejectPaymentRequest
	paymentRequestMsgKinds
)

// FuzzPaymentRequestMsgsValidate checks the validation of MsgRequestPayment,
// MsgAcceptPaymentRequest and MsgRejectPaymentRequest (MsgCancelPaymentRequest
// has nothing to validate but its addresses): it never panics, is
// deterministic and fails only with registered errors; an accepted request
// asks for a positive amount and expires within the params' longest expiry,
// an accepted acceptance expects a fee of at most 100 %.
func FuzzPaymentRequestMsgsValidate(f *testing.F) {
	for kind := uint8(0); kind < paymentRequestMsgKinds; kind++ {
		f.Add(kind, "50000", "apples", uint64(0), uint32(0))
		f.Add(kind, "1", "", uint64(1), uint32(150))
		f.Add(kind, "0", "a\x07b", uint64(30*24*60*60), uint32(10_000))
		f.Add(kind, "-5", strings.Repeat("m", 513), uint64(30*24*60*60+1), uint32(10_001))
		f.Add(kind, "", strings.Repeat("m", 512), ^uint64(0), ^uint32(0))
	}
	f.Fuzz(func(t *testing.T, kind uint8, amount, memo string, expiry uint64, feeBps uint32) {
		p := types.DefaultParams()
		value := fuzzcheck.Int(amount)
		switch kind % paymentRequestMsgKinds {
		case kindRequestPayment:
			msg := &types.MsgRequestPayment{Amount: value, Memo: memo, ExpirySeconds: expiry}
			if fuzzcheck.TwiceErr(t, validationErrors, func() error { return msg.Validate(p) }) != nil {
				return
			}
			require.True(t, value.IsPositive(), "accepted amount %s", value)
			require.NoError(t, p.ValidateMemo(memo))
			require.Positive(t, msg.Expiry(p))
			require.LessOrEqual(t, msg.Expiry(p), p.MaxPaymentRequestSeconds)
		case kindAcceptPaymentRequest:
			msg := &types.MsgAcceptPaymentRequest{ExpectedFeeBps: feeBps}
			if fuzzcheck.TwiceErr(t, validationErrors, msg.Validate) != nil {
				return
			}
			require.LessOrEqual(t, feeBps, types.MaxFeeBps)
		default:
			msg := &types.MsgRejectPaymentRequest{Reason: memo}
			if fuzzcheck.TwiceErr(t, validationErrors, func() error { return msg.Validate(p) }) != nil {
				return
			}
			require.NoError(t, p.ValidateMemo(memo))
		}
	})
}

// Kinds of the Msgs FuzzAmountMsgsValidate checks.
const (
	kindIssue = iota
	kindSubmitContribution
	kindDenyContribution
	kindTransfer
	kindFundFeeAccount
	amountMsgKinds
)

// FuzzAmountMsgsValidate checks the validation of the Msgs that carry an
// amount or a memo (MsgIssue, MsgSubmitContribution, MsgDenyContribution,
// MsgTransfer, MsgFundFeeAccount): it never panics, is deterministic and
// fails only with registered errors; an accepted amount is positive and the
// fee of an accepted transfer lies between zero and the amount.
func FuzzAmountMsgsValidate(f *testing.F) {
	for kind := uint8(0); kind < amountMsgKinds; kind++ {
		f.Add(kind, "200000", "top-up", uint32(0))
		f.Add(kind, "1", "Garden work, 20 hours", uint32(150))
		f.Add(kind, "0", "", uint32(10_000))
		f.Add(kind, "-5", "abcd", uint32(10_001))
		f.Add(kind, "", strings.Repeat("m", 513), uint32(0))
		f.Add(kind, "115792089237316195423570985008687907853269984665640564039457584007913129639935", "a\x07b", uint32(9_999))
	}
	f.Fuzz(func(t *testing.T, kind uint8, amount, memo string, feeBps uint32) {
		p := types.DefaultParams()
		value := fuzzcheck.Int(amount)
		var validate func() error
		switch kind % amountMsgKinds {
		case kindIssue:
			msg := &types.MsgIssue{Amount: value, Memo: memo}
			validate = func() error { return msg.Validate(p) }
		case kindSubmitContribution:
			msg := &types.MsgSubmitContribution{Amount: value, Memo: memo}
			validate = func() error { return msg.Validate(p) }
		case kindDenyContribution:
			msg := &types.MsgDenyContribution{Reason: memo}
			validate = func() error { return msg.Validate(p) }
		case kindTransfer:
			msg := &types.MsgTransfer{Amount: value, Memo: memo, ExpectedFeeBps: feeBps}
			validate = func() error { return msg.Validate(p) }
		default:
			msg := &types.MsgFundFeeAccount{Amount: value}
			validate = msg.Validate
		}
		err := fuzzcheck.TwiceErr(t, validationErrors, validate)
		if err != nil || kind%amountMsgKinds == kindDenyContribution {
			return
		}
		require.True(t, value.IsPositive(), "accepted amount %s", value)
		if kind%amountMsgKinds == kindTransfer {
			fee := types.Fee(value, feeBps)
			require.False(t, fee.IsNegative(), "fee %s of %s", fee, value)
			require.True(t, fee.LTE(value), "fee %s of %s", fee, value)
			require.Equal(t, fee, types.Fee(value, feeBps), "Fee is not deterministic")
		}
	})
}

// FuzzTargetMonth checks that Params.TargetMonth never panics, is
// deterministic and fails only with registered errors, and that the month
// it accepts lies in the creation window and formats back to its input.
func FuzzTargetMonth(f *testing.F) {
	april := time.Date(2025, 4, 1, 9, 30, 0, 0, time.UTC).Unix()
	for _, s := range []string{"", "2025-04", "2025-03", "2025-02", "2025-01", "2025-05", "2026-04", "April", "0000-01", "2025-13", "2025-00", "2025/04", "+025-04", "0001-01", "9999-12"} {
		f.Add(s, april)
	}
	f.Add("2025-10", time.Date(2026, 1, 1, 0, 30, 0, 0, time.FixedZone("JST", 9*60*60)).Unix())
	f.Add("0001-01", time.Date(1, 2, 1, 0, 0, 0, 0, time.UTC).Unix())
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		now := time.Unix(unix, 0)
		if now.UTC().Year() < 1 || now.UTC().Year() > 9999 {
			t.Skip("block times are in the years 1 to 9999")
		}
		p := types.DefaultParams()
		month, err := fuzzcheck.Twice(t, validationErrors, func() (types.Month, error) { return p.TargetMonth(s, now) })
		if err != nil {
			return
		}
		current := types.MonthOf(now)
		require.True(t, month.InWindow(current, p.CreationWindowMonths), "%s outside the window of %s", month, current)
		if s == "" {
			require.Equal(t, current, month)
			return
		}
		require.Equal(t, s, month.String())
		parsed, err := types.ParseMonth(month.String())
		require.NoError(t, err)
		require.Equal(t, month, parsed)
	})
}
