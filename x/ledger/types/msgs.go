package types

import (
	sdkmath "cosmossdk.io/math"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/kizuna-chain/kizuna/internal/clearfields"
)

// The module's Msgs. Their fields are checked by the Msg server against the
// current params, before any state is written; there is no ValidateBasic
// because every limit is a param.
var (
	_ sdk.Msg = &MsgCreateCurrency{}
	_ sdk.Msg = &MsgUpdateCurrency{}
	_ sdk.Msg = &MsgIssue{}
	_ sdk.Msg = &MsgSubmitContribution{}
	_ sdk.Msg = &MsgConfirmContribution{}
	_ sdk.Msg = &MsgDenyContribution{}
	_ sdk.Msg = &MsgDeleteContribution{}
	_ sdk.Msg = &MsgTransfer{}
	_ sdk.Msg = &MsgFundFeeAccount{}
	_ sdk.Msg = &MsgSetFeeSponsorship{}
	_ sdk.Msg = &MsgSetAccountLimits{}
	_ sdk.Msg = &MsgRequestPayment{}
	_ sdk.Msg = &MsgAcceptPaymentRequest{}
	_ sdk.Msg = &MsgRejectPaymentRequest{}
	_ sdk.Msg = &MsgCancelPaymentRequest{}
	_ sdk.Msg = &MsgUpdateParams{}
)

// The fields MsgUpdateCurrency.clear_fields may name.
const (
	// CurrencyFieldFee removes the transfer fee.
	CurrencyFieldFee = "fee"
	// CurrencyFieldDefaultCreditLimit sets the default credit limit to 0.
	CurrencyFieldDefaultCreditLimit = "default_credit_limit"
	// CurrencyFieldMaxBalance removes the maximum balance.
	CurrencyFieldMaxBalance = "max_balance"
)

// The fields MsgSetAccountLimits.clear_fields may name: each returns the
// member to the currency's setting.
const (
	AccountFieldCreditLimit = "credit_limit"
	AccountFieldMaxBalance  = "max_balance"
)

// Validate checks the fields of msg against params.
func (msg *MsgCreateCurrency) Validate(p Params) error {
	if err := p.ValidateCode(msg.Code); err != nil {
		return err
	}
	if err := p.ValidateName(msg.Name); err != nil {
		return err
	}
	if err := p.ValidateDecimals(msg.Decimals); err != nil {
		return err
	}
	if msg.IssuancePolicy != IssuancePolicyUnspecified {
		if err := ValidateIssuancePolicy(msg.IssuancePolicy); err != nil {
			return err
		}
	}
	if err := ValidateFeeBps(msg.FeeBps); err != nil {
		return err
	}
	if err := ValidateHalfLife(msg.HalfLifeSeconds); err != nil {
		return err
	}
	c := Currency{IssuancePolicy: msg.Policy(), DefaultCreditLimit: IntOrZero(msg.DefaultCreditLimit), MaxBalance: IntOrZero(msg.MaxBalance)}
	return c.ValidateCredit()
}

// Policy returns the issuance policy msg asks for; unspecified means admin
// issuance and contributions.
func (msg *MsgCreateCurrency) Policy() IssuancePolicy {
	if msg.IssuancePolicy == IssuancePolicyUnspecified {
		return IssuancePolicyAdminAndContribution
	}
	return msg.IssuancePolicy
}

// CurrencyUpdate is a validated MsgUpdateCurrency without its addressing
// fields.
type CurrencyUpdate struct {
	Name               string
	IssuancePolicy     IssuancePolicy
	FeeBps             uint32
	ClearFee           bool
	DefaultCreditLimit sdkmath.Int // nil or zero: unchanged
	ClearCreditLimit   bool
	MaxBalance         sdkmath.Int // nil or zero: unchanged
	ClearMaxBalance    bool
}

// Apply returns c with the update applied.
func (u CurrencyUpdate) Apply(c Currency) Currency {
	if u.Name != "" {
		c.Name = u.Name
	}
	if u.IssuancePolicy != IssuancePolicyUnspecified {
		c.IssuancePolicy = u.IssuancePolicy
	}
	if u.FeeBps != 0 {
		c.FeeBps = u.FeeBps
	}
	if u.ClearFee {
		c.FeeBps = 0
	}
	c.DefaultCreditLimit, c.MaxBalance = IntOrZero(c.DefaultCreditLimit), IntOrZero(c.MaxBalance)
	if isSet(u.DefaultCreditLimit) {
		c.DefaultCreditLimit = u.DefaultCreditLimit
	}
	if u.ClearCreditLimit {
		c.DefaultCreditLimit = sdkmath.ZeroInt()
	}
	if isSet(u.MaxBalance) {
		c.MaxBalance = u.MaxBalance
	}
	if u.ClearMaxBalance {
		c.MaxBalance = sdkmath.ZeroInt()
	}
	return c
}

// isSet reports whether an optional amount of a Msg is given: present and
// not zero.
func isSet(v sdkmath.Int) bool {
	return !v.IsNil() && !v.IsZero()
}

// Validate checks the fields msg sets or clears against params.
func (msg *MsgUpdateCurrency) Validate(p Params) (CurrencyUpdate, error) {
	u := CurrencyUpdate{
		Name: msg.Name, IssuancePolicy: msg.IssuancePolicy, FeeBps: msg.FeeBps,
		DefaultCreditLimit: msg.DefaultCreditLimit, MaxBalance: msg.MaxBalance,
	}
	cleared, err := clearfields.Parse(msg.ClearFields, map[string]string{
		CurrencyFieldFee:                setIf(msg.FeeBps != 0),
		CurrencyFieldDefaultCreditLimit: setIf(isSet(msg.DefaultCreditLimit)),
		CurrencyFieldMaxBalance:         setIf(isSet(msg.MaxBalance)),
	}, ErrInvalidClearField)
	if err != nil {
		return CurrencyUpdate{}, err
	}
	u.ClearFee = cleared[CurrencyFieldFee]
	u.ClearCreditLimit = cleared[CurrencyFieldDefaultCreditLimit]
	u.ClearMaxBalance = cleared[CurrencyFieldMaxBalance]
	if u.Name == "" && u.IssuancePolicy == IssuancePolicyUnspecified && u.FeeBps == 0 && !isSet(u.DefaultCreditLimit) &&
		!isSet(u.MaxBalance) && len(cleared) == 0 {
		return CurrencyUpdate{}, ErrNothingToUpdate.Wrap("set the name, the issuance policy, the fee, the default credit limit or the maximum balance, or clear one")
	}
	if !u.DefaultCreditLimit.IsNil() {
		if err := ValidateLimit("default_credit_limit", u.DefaultCreditLimit); err != nil {
			return CurrencyUpdate{}, err
		}
	}
	if !u.MaxBalance.IsNil() {
		if err := ValidateLimit("max_balance", u.MaxBalance); err != nil {
			return CurrencyUpdate{}, err
		}
	}
	if u.Name != "" {
		if err := p.ValidateName(u.Name); err != nil {
			return CurrencyUpdate{}, err
		}
	}
	if u.IssuancePolicy != IssuancePolicyUnspecified {
		if err := ValidateIssuancePolicy(u.IssuancePolicy); err != nil {
			return CurrencyUpdate{}, err
		}
	}
	if err := ValidateFeeBps(u.FeeBps); err != nil {
		return CurrencyUpdate{}, err
	}
	return u, nil
}

// setIf returns what clearfields.Parse takes for a field the same Msg sets.
func setIf(set bool) string {
	if set {
		return "set"
	}
	return ""
}

// Validate checks the amount and memo of msg against params; the target
// month is checked against the block time by the Msg server.
func (msg *MsgIssue) Validate(p Params) error {
	if err := ValidateAmount(msg.Amount); err != nil {
		return err
	}
	return p.ValidateMemo(msg.Memo)
}

// Validate checks the amount and memo of msg against params; the target
// month is checked against the block time by the Msg server.
func (msg *MsgSubmitContribution) Validate(p Params) error {
	if err := ValidateAmount(msg.Amount); err != nil {
		return err
	}
	return p.ValidateContributionMemo(msg.Memo)
}

// Validate checks the reason of msg against params.
func (msg *MsgDenyContribution) Validate(p Params) error {
	return p.ValidateMemo(msg.Reason)
}

// Validate checks the amount, memo and expected fee of msg against params.
func (msg *MsgTransfer) Validate(p Params) error {
	if err := ValidateAmount(msg.Amount); err != nil {
		return err
	}
	if err := p.ValidateMemo(msg.Memo); err != nil {
		return err
	}
	return ValidateFeeBps(msg.ExpectedFeeBps)
}

// Validate checks the amount of msg.
func (msg *MsgFundFeeAccount) Validate() error {
	return ValidateAmount(msg.Amount)
}

// AccountLimits is a validated MsgSetAccountLimits without its addressing
// fields: nil leaves a limit unchanged.
type AccountLimits struct {
	CreditLimit      *sdkmath.Int
	MaxBalance       *sdkmath.Int
	ClearCreditLimit bool
	ClearMaxBalance  bool
}

// Apply returns a with the limits applied.
func (l AccountLimits) Apply(a Account) Account {
	if l.CreditLimit != nil {
		v := *l.CreditLimit
		a.CreditLimit = &v
	}
	if l.ClearCreditLimit {
		a.CreditLimit = nil
	}
	if l.MaxBalance != nil {
		v := *l.MaxBalance
		a.MaxBalance = &v
	}
	if l.ClearMaxBalance {
		a.MaxBalance = nil
	}
	return a
}

// Validate checks the limits msg sets or clears: at least one change, a
// credit limit of 0 to 2^128, a maximum balance of 1 to 2^128.
func (msg *MsgSetAccountLimits) Validate() (AccountLimits, error) {
	l := AccountLimits{}
	if msg.CreditLimit != nil && !msg.CreditLimit.IsNil() {
		l.CreditLimit = msg.CreditLimit
	}
	if msg.MaxBalance != nil && !msg.MaxBalance.IsNil() {
		l.MaxBalance = msg.MaxBalance
	}
	cleared, err := clearfields.Parse(msg.ClearFields, map[string]string{
		AccountFieldCreditLimit: setIf(l.CreditLimit != nil),
		AccountFieldMaxBalance:  setIf(l.MaxBalance != nil),
	}, ErrInvalidClearField)
	if err != nil {
		return AccountLimits{}, err
	}
	l.ClearCreditLimit, l.ClearMaxBalance = cleared[AccountFieldCreditLimit], cleared[AccountFieldMaxBalance]
	if l.CreditLimit == nil && l.MaxBalance == nil && len(cleared) == 0 {
		return AccountLimits{}, ErrNothingToUpdate.Wrap("set the credit limit or the maximum balance, or clear one")
	}
	if l.CreditLimit != nil {
		if err := ValidateLimit("credit_limit", *l.CreditLimit); err != nil {
			return AccountLimits{}, err
		}
	}
	if l.MaxBalance != nil {
		if err := ValidateLimit("max_balance", *l.MaxBalance); err != nil {
			return AccountLimits{}, err
		}
		if l.MaxBalance.IsZero() {
			return AccountLimits{}, ErrInvalidLimit.Wrap("max_balance 0 would refuse every payment; clear it to follow the currency")
		}
	}
	return l, nil
}

// Validate checks the amount, memo and expiry of msg against params.
func (msg *MsgRequestPayment) Validate(p Params) error {
	if err := ValidateAmount(msg.Amount); err != nil {
		return err
	}
	if err := p.ValidateMemo(msg.Memo); err != nil {
		return err
	}
	if msg.ExpirySeconds > p.MaxPaymentRequestSeconds {
		return ErrInvalidExpiry.Wrapf("expiry of %d s exceeds the %d s allowed", msg.ExpirySeconds, p.MaxPaymentRequestSeconds)
	}
	return nil
}

// Expiry returns how long the request stays pending, in seconds.
func (msg *MsgRequestPayment) Expiry(p Params) uint64 {
	if msg.ExpirySeconds == 0 {
		return p.MaxPaymentRequestSeconds
	}
	return msg.ExpirySeconds
}

// Validate checks the expected fee of msg.
func (msg *MsgAcceptPaymentRequest) Validate() error {
	return ValidateFeeBps(msg.ExpectedFeeBps)
}

// Validate checks the reason of msg against params.
func (msg *MsgRejectPaymentRequest) Validate(p Params) error {
	return p.ValidateMemo(msg.Reason)
}
