package types

import (
	"fmt"
	"math/big"
	"strconv"

	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
)

const (
	// DenomPrefix starts the denom of every community currency. The ledger's
	// send restriction keeps x/bank from moving these denoms on its own.
	DenomPrefix = "cc/"

	// MaxFeeBps is a fee of 100 %, in basis points.
	MaxFeeBps uint32 = 10_000

	// MinHalfLifeSeconds is the shortest half-life a currency may set: a
	// day. Faster decay is no currency but a countdown.
	MinHalfLifeSeconds uint64 = 24 * 60 * 60
)

// MaxLimit bounds credit limits and maximum balances: 2^128 base units,
// the largest amount the decay math is proved for, and beyond any supply.
var MaxLimit = sdkmath.NewIntFromBigInt(new(big.Int).Lsh(big.NewInt(1), 128))

// Denom returns the x/bank denom of a community's currency:
// cc/{community_id}/{code}.
func Denom(communityID uint64, code string) string {
	return DenomPrefix + strconv.FormatUint(communityID, 10) + "/" + code
}

// DisplayDenom returns the denom unit of one whole display unit of a
// currency with decimals: the code itself, or "cc" followed by the code when
// the code is no valid x/bank denom (it starts with a digit or is shorter
// than three characters).
func DisplayDenom(code string) string {
	if sdk.ValidateDenom(code) != nil {
		return "cc" + code
	}
	return code
}

// Metadata returns the x/bank metadata of the currency: the base unit is the
// denom; with decimals, a display unit named by DisplayDenom holds
// 10^decimals base units.
func (c Currency) Metadata() banktypes.Metadata {
	md := banktypes.Metadata{
		Description: fmt.Sprintf("%s, the currency of Kizuna community %d", c.Name, c.CommunityId),
		Base:        c.Denom,
		Display:     c.Denom,
		Name:        c.Name,
		Symbol:      c.Code,
		DenomUnits:  []*banktypes.DenomUnit{{Denom: c.Denom, Exponent: 0}},
	}
	if c.Decimals > 0 {
		md.Display = DisplayDenom(c.Code)
		md.DenomUnits = append(md.DenomUnits, &banktypes.DenomUnit{Denom: md.Display, Exponent: c.Decimals})
	}
	return md
}

// AllowsAdminIssuance reports whether admins and tellers may issue.
func (p IssuancePolicy) AllowsAdminIssuance() bool {
	return p == IssuancePolicyAdmin || p == IssuancePolicyAdminAndContribution || p == IssuancePolicyMutualCreditAndCreation
}

// AllowsContributions reports whether members may submit contributions.
func (p IssuancePolicy) AllowsContributions() bool {
	return p == IssuancePolicyContribution || p == IssuancePolicyAdminAndContribution || p == IssuancePolicyMutualCreditAndCreation
}

// AllowsCredit reports whether members may pay beyond their bank balance,
// down to their credit limits.
func (p IssuancePolicy) AllowsCredit() bool {
	return p == IssuancePolicyMutualCredit || p == IssuancePolicyMutualCreditAndCreation
}

// ValidateIssuancePolicy accepts every policy but UNSPECIFIED.
func ValidateIssuancePolicy(p IssuancePolicy) error {
	switch p {
	case IssuancePolicyAdmin, IssuancePolicyContribution, IssuancePolicyAdminAndContribution,
		IssuancePolicyMutualCredit, IssuancePolicyMutualCreditAndCreation:
		return nil
	default:
		return ErrInvalidIssuancePolicy.Wrapf("issuance policy %s", p)
	}
}

// ValidateFeeBps accepts 0 to 10000 basis points.
func ValidateFeeBps(bps uint32) error {
	if bps > MaxFeeBps {
		return ErrInvalidFee.Wrapf("fee %d bps exceeds %d bps (100 %%)", bps, MaxFeeBps)
	}
	return nil
}

// ValidateHalfLife accepts 0 (no decay) or at least MinHalfLifeSeconds.
func ValidateHalfLife(seconds uint64) error {
	if seconds != 0 && seconds < MinHalfLifeSeconds {
		return ErrInvalidHalfLife.Wrapf("half-life %d s is shorter than %d s (a day); 0 means no decay", seconds, MinHalfLifeSeconds)
	}
	return nil
}

// ValidateLimit checks a credit limit or maximum balance: set, not negative,
// at most MaxLimit.
func ValidateLimit(field string, v sdkmath.Int) error {
	switch {
	case v.IsNil():
		return ErrInvalidLimit.Wrapf("%s is missing", field)
	case v.IsNegative():
		return ErrInvalidLimit.Wrapf("%s %s is negative", field, v)
	case v.GT(MaxLimit):
		return ErrInvalidLimit.Wrapf("%s %s exceeds 2^128", field, v)
	}
	return nil
}

// ValidateCredit checks that a currency's credit settings fit its policy: a
// positive default credit limit needs a mutual-credit policy.
func (c Currency) ValidateCredit() error {
	c.DefaultCreditLimit, c.MaxBalance = IntOrZero(c.DefaultCreditLimit), IntOrZero(c.MaxBalance)
	if err := ValidateLimit("default_credit_limit", c.DefaultCreditLimit); err != nil {
		return err
	}
	if err := ValidateLimit("max_balance", c.MaxBalance); err != nil {
		return err
	}
	if c.DefaultCreditLimit.IsPositive() && !c.IssuancePolicy.AllowsCredit() {
		return ErrCreditNotAllowed.Wrapf("a default credit limit of %s needs issuance policy %s or %s",
			c.DefaultCreditLimit, IssuancePolicyMutualCredit, IssuancePolicyMutualCreditAndCreation)
	}
	return nil
}

// CreditLimit returns the credit limit of account a in c, and whether it is
// the currency's default. Without a mutual-credit policy it is 0.
func (c Currency) CreditLimit(a Account) (sdkmath.Int, bool) {
	isDefault := a.CreditLimit == nil
	if !c.IssuancePolicy.AllowsCredit() {
		return sdkmath.ZeroInt(), isDefault
	}
	if !isDefault {
		return *a.CreditLimit, false
	}
	return IntOrZero(c.DefaultCreditLimit), true
}

// MaxBalanceOf returns the maximum balance of account a in c (0: none), and
// whether it is the currency's.
func (c Currency) MaxBalanceOf(a Account) (sdkmath.Int, bool) {
	if a.MaxBalance != nil {
		return *a.MaxBalance, false
	}
	return IntOrZero(c.MaxBalance), true
}

// IntOrZero returns v, or 0 when v is unset: a field added to stored state
// after the state was written reads back unset.
func IntOrZero(v sdkmath.Int) sdkmath.Int {
	if v.IsNil() {
		return sdkmath.ZeroInt()
	}
	return v
}

// ValidatePaymentRequestStatus accepts every status but UNSPECIFIED.
func ValidatePaymentRequestStatus(s PaymentRequestStatus) error {
	switch s {
	case PaymentRequestStatusPending, PaymentRequestStatusAccepted, PaymentRequestStatusRejected,
		PaymentRequestStatusCancelled, PaymentRequestStatusExpired:
		return nil
	default:
		return ErrInvalidStatus.Wrapf("payment request status %s", s)
	}
}

// Fee returns the fee on amount at bps basis points, rounded up: every
// transfer of a fee-charging currency pays at least one base unit, so
// splitting a payment into small transfers never avoids the fee.
func Fee(amount sdkmath.Int, bps uint32) sdkmath.Int {
	if bps == 0 || amount.IsNil() || !amount.IsPositive() {
		return sdkmath.ZeroInt()
	}
	fee := new(big.Int).Mul(amount.BigInt(), big.NewInt(int64(bps)))
	fee.Add(fee, big.NewInt(int64(MaxFeeBps-1)))
	fee.Quo(fee, big.NewInt(int64(MaxFeeBps)))
	// fee ≤ amount, so it fits wherever amount does.
	return sdkmath.NewIntFromBigInt(fee)
}

// MonthlyCap returns the monthly creation cap of a currency with decimals,
// in base units: capUnits × 10^decimals.
func MonthlyCap(capUnits uint64, decimals uint32) sdkmath.Int {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)
	return sdkmath.NewIntFromBigInt(scale.Mul(scale, new(big.Int).SetUint64(capUnits)))
}

// ValidateEntryType accepts every entry type but UNSPECIFIED.
func ValidateEntryType(t EntryType) error {
	switch t {
	case EntryTypeCreation, EntryTypeSend, EntryTypeReceive, EntryTypeFee, EntryTypeDecay, EntryTypeBridge:
		return nil
	default:
		return fmt.Errorf("entry type %s", t)
	}
}

// ValidateContributionStatus accepts every status but UNSPECIFIED.
func ValidateContributionStatus(s ContributionStatus) error {
	switch s {
	case ContributionStatusPending, ContributionStatusConfirmed, ContributionStatusDenied, ContributionStatusDeleted:
		return nil
	default:
		return ErrInvalidStatus.Wrapf("status %s", s)
	}
}

// CountsAgainstCap reports whether a contribution in this status holds part
// of its contributor's monthly cap.
func (s ContributionStatus) CountsAgainstCap() bool {
	return s == ContributionStatusPending || s == ContributionStatusConfirmed
}
