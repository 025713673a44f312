package types_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

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
}

// FuzzMsgCreateCurrencyValidate checks that MsgCreateCurrency.Validate never
// panics, is deterministic and fails only with registered errors, and that
// the currency the Msg server builds from an accepted Msg has a valid x/bank
// denom and metadata.
func FuzzMsgCreateCurrencyValidate(f *testing.F) {
	f.Add("GDD", "Garden dollar", uint32(4), int32(0), uint32(0), uint64(1))
	f.Add("TIME", "Time bank hours", uint32(0), int32(types.IssuancePolicyContribution), uint32(150), uint64(42))
	f.Add("A1", "Short", uint32(2), int32(types.IssuancePolicyAdmin), uint32(0), uint64(1))
	f.Add("123", "Digits", uint32(18), int32(types.IssuancePolicyAdminAndContribution), uint32(10_000), uint64(18446744073709551615))
	f.Add("ABCDEFGH", "Eight", uint32(19), int32(9), uint32(10_001), uint64(1))
	f.Add("gdd", " Garden", uint32(0), int32(-1), uint32(0), uint64(1))
	f.Add("GD-D", "Gar\u200bden", uint32(0), int32(0), uint32(0), uint64(1))
	f.Add("ABCDEFGHI", "", uint32(0), int32(0), uint32(0), uint64(1))
	f.Fuzz(func(t *testing.T, code, name string, decimals uint32, policy int32, feeBps uint32, communityID uint64) {
		p := types.DefaultParams()
		msg := &types.MsgCreateCurrency{
			CommunityId: communityID, Code: code, Name: name, Decimals: decimals,
			IssuancePolicy: types.IssuancePolicy(policy), FeeBps: feeBps,
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
			IssuancePolicy: msg.Policy(), FeeBps: feeBps,
		}
		require.NoError(t, c.Metadata().Validate(), "x/bank metadata of an accepted currency")
	})
}

// FuzzMsgUpdateCurrencyValidate checks that MsgUpdateCurrency.Validate never
// panics, is deterministic and fails only with registered errors, and that
// an accepted update applied to a valid currency leaves it valid.
func FuzzMsgUpdateCurrencyValidate(f *testing.F) {
	f.Add("Garden dollar", int32(0), uint32(0), "")
	f.Add("", int32(types.IssuancePolicyAdmin), uint32(150), "")
	f.Add("", int32(0), uint32(0), "fee")
	f.Add("", int32(0), uint32(150), "fee")
	f.Add("", int32(0), uint32(0), "fee,fee")
	f.Add("", int32(0), uint32(0), "name")
	f.Add("", int32(0), uint32(0), "")
	f.Add("", int32(0), uint32(10_001), "")
	f.Add(" Name", int32(12), uint32(0), "")
	f.Fuzz(func(t *testing.T, name string, policy int32, feeBps uint32, clear string) {
		p := types.DefaultParams()
		msg := &types.MsgUpdateCurrency{
			Name: name, IssuancePolicy: types.IssuancePolicy(policy), FeeBps: feeBps, ClearFields: fuzzcheck.List(clear),
		}
		update, err := fuzzcheck.Twice(t, validationErrors, func() (types.CurrencyUpdate, error) { return msg.Validate(p) })
		if err != nil {
			return
		}
		c := update.Apply(types.Currency{
			CommunityId: 1, Code: "GDD", Name: "Garden dollar", Decimals: 4, Denom: types.Denom(1, "GDD"),
			IssuancePolicy: types.IssuancePolicyAdminAndContribution, FeeBps: 150,
		})
		require.NoError(t, p.ValidateName(c.Name))
		require.NoError(t, types.ValidateIssuancePolicy(c.IssuancePolicy))
		require.NoError(t, types.ValidateFeeBps(c.FeeBps))
		require.NoError(t, c.Metadata().Validate())
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
