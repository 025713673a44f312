package types

import (
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
	_ sdk.Msg = &MsgUpdateParams{}
)

// CurrencyFieldFee is the field MsgUpdateCurrency.clear_fields may name: it
// removes the transfer fee.
const CurrencyFieldFee = "fee"

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
	return ValidateFeeBps(msg.FeeBps)
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
	Name           string
	IssuancePolicy IssuancePolicy
	FeeBps         uint32
	ClearFee       bool
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
	return c
}

// Validate checks the fields msg sets or clears against params.
func (msg *MsgUpdateCurrency) Validate(p Params) (CurrencyUpdate, error) {
	u := CurrencyUpdate{Name: msg.Name, IssuancePolicy: msg.IssuancePolicy, FeeBps: msg.FeeBps}
	fee := ""
	if msg.FeeBps != 0 {
		fee = "set"
	}
	cleared, err := clearfields.Parse(msg.ClearFields, map[string]string{CurrencyFieldFee: fee}, ErrInvalidClearField)
	if err != nil {
		return CurrencyUpdate{}, err
	}
	u.ClearFee = cleared[CurrencyFieldFee]
	if u.Name == "" && u.IssuancePolicy == IssuancePolicyUnspecified && u.FeeBps == 0 && !u.ClearFee {
		return CurrencyUpdate{}, ErrNothingToUpdate.Wrap("set the name, the issuance policy or the fee, or clear the fee")
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
