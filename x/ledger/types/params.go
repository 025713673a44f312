package types

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Default params, as DESIGN.md fixes them.
const (
	DefaultMinCodeLength             uint32 = 3
	DefaultMaxCodeLength             uint32 = 8
	DefaultMaxNameLength             uint32 = 64
	DefaultMaxDecimals               uint32 = 18
	DefaultMaxMemoLength             uint32 = 512
	DefaultMinContributionMemoLength uint32 = 5
	DefaultMonthlyCreationCap        uint64 = 1000
	DefaultCreationWindowMonths      uint32 = 2
	DefaultFeeDenom                         = "ukiz"
	DefaultFeeAllowancePeriodSeconds uint64 = 24 * 60 * 60
	DefaultFeeAllowancePeriodLimit   uint64 = 1_000_000 // 1 KIZ
)

// DefaultFeeAllowanceMsgTypeURLs are the Msgs a member's fee allowance pays
// for: what members do in Kizuna's own modules. Governance-only Msgs and
// MsgFundFeeAccount (paid in fee_denom anyway) are left out.
func DefaultFeeAllowanceMsgTypeURLs() []string {
	return []string{
		"/kizuna.community.v1.MsgUpdateCommunity",
		"/kizuna.community.v1.MsgJoinCommunity",
		"/kizuna.community.v1.MsgApproveMember",
		"/kizuna.community.v1.MsgRejectMember",
		"/kizuna.community.v1.MsgLeaveCommunity",
		"/kizuna.community.v1.MsgRemoveMember",
		"/kizuna.community.v1.MsgSetMemberRole",
		"/kizuna.community.v1.MsgUpdateProfile",
		"/kizuna.ledger.v1.MsgCreateCurrency",
		"/kizuna.ledger.v1.MsgUpdateCurrency",
		"/kizuna.ledger.v1.MsgIssue",
		"/kizuna.ledger.v1.MsgSubmitContribution",
		"/kizuna.ledger.v1.MsgConfirmContribution",
		"/kizuna.ledger.v1.MsgDenyContribution",
		"/kizuna.ledger.v1.MsgDeleteContribution",
		"/kizuna.ledger.v1.MsgTransfer",
		"/kizuna.ads.v1.MsgCreateAd",
		"/kizuna.ads.v1.MsgUpdateAd",
		"/kizuna.ads.v1.MsgCloseAd",
	}
}

// Ceilings bound what governance may set. Genesis validation checks state
// against them, not against the current params: lowering a limit never makes
// existing state unexportable.
const (
	CeilingCodeLength                uint32 = 16
	CeilingNameLength                uint32 = 256
	CeilingDecimals                  uint32 = 18
	CeilingMemoLength                uint32 = 4096
	CeilingMonthlyCreationCap        uint64 = 1_000_000_000_000_000 // 10^15 whole units
	CeilingCreationWindowMonths      uint32 = 24
	CeilingFeeAllowancePeriodSeconds uint64 = 366 * 24 * 60 * 60
	CeilingFeeAllowancePeriodLimit   uint64 = 1_000_000_000_000_000_000 // 10^18 base units
	CeilingFeeAllowanceMsgTypeURLs          = 100
	CeilingMsgTypeURLLength                 = 256
)

// DefaultParams returns the default module params.
func DefaultParams() Params {
	return Params{
		MinCodeLength:             DefaultMinCodeLength,
		MaxCodeLength:             DefaultMaxCodeLength,
		MaxNameLength:             DefaultMaxNameLength,
		MaxDecimals:               DefaultMaxDecimals,
		MaxMemoLength:             DefaultMaxMemoLength,
		MinContributionMemoLength: DefaultMinContributionMemoLength,
		MonthlyCreationCap:        DefaultMonthlyCreationCap,
		CreationWindowMonths:      DefaultCreationWindowMonths,
		FeeDenom:                  DefaultFeeDenom,
		FeeAllowancePeriodSeconds: DefaultFeeAllowancePeriodSeconds,
		FeeAllowancePeriodLimit:   DefaultFeeAllowancePeriodLimit,
		FeeAllowanceMsgTypeUrls:   DefaultFeeAllowanceMsgTypeURLs(),
	}
}

// ceilingParams are the loosest params governance may set; genesis
// validation checks state against them.
func ceilingParams() Params {
	p := DefaultParams()
	p.MinCodeLength = 1
	p.MaxCodeLength = CeilingCodeLength
	p.MaxNameLength = CeilingNameLength
	p.MaxDecimals = CeilingDecimals
	p.MaxMemoLength = CeilingMemoLength
	p.MinContributionMemoLength = 0
	return p
}

// Validate checks that every limit is within its ceiling and consistent.
func (p Params) Validate() error {
	limits := []struct {
		name     string
		value    uint64
		min, max uint64
	}{
		{"min_code_length", uint64(p.MinCodeLength), 1, uint64(CeilingCodeLength)},
		{"max_code_length", uint64(p.MaxCodeLength), 1, uint64(CeilingCodeLength)},
		{"max_name_length", uint64(p.MaxNameLength), 1, uint64(CeilingNameLength)},
		{"max_decimals", uint64(p.MaxDecimals), 0, uint64(CeilingDecimals)},
		{"max_memo_length", uint64(p.MaxMemoLength), 1, uint64(CeilingMemoLength)},
		{"min_contribution_memo_length", uint64(p.MinContributionMemoLength), 0, uint64(CeilingMemoLength)},
		{"monthly_creation_cap", p.MonthlyCreationCap, 1, CeilingMonthlyCreationCap},
		{"creation_window_months", uint64(p.CreationWindowMonths), 0, uint64(CeilingCreationWindowMonths)},
		{"fee_allowance_period_seconds", p.FeeAllowancePeriodSeconds, 1, CeilingFeeAllowancePeriodSeconds},
		{"fee_allowance_period_limit", p.FeeAllowancePeriodLimit, 0, CeilingFeeAllowancePeriodLimit},
	}
	for _, l := range limits {
		if l.value < l.min || l.value > l.max {
			return ErrInvalidParams.Wrapf("%s %d is outside [%d, %d]", l.name, l.value, l.min, l.max)
		}
	}
	if p.MinCodeLength > p.MaxCodeLength {
		return ErrInvalidParams.Wrapf("min_code_length %d exceeds max_code_length %d", p.MinCodeLength, p.MaxCodeLength)
	}
	if p.MinContributionMemoLength > p.MaxMemoLength {
		return ErrInvalidParams.Wrapf("min_contribution_memo_length %d exceeds max_memo_length %d", p.MinContributionMemoLength, p.MaxMemoLength)
	}
	if err := sdk.ValidateDenom(p.FeeDenom); err != nil {
		return ErrInvalidParams.Wrapf("fee_denom: %s", err)
	}
	if len(p.FeeAllowanceMsgTypeUrls) > CeilingFeeAllowanceMsgTypeURLs {
		return ErrInvalidParams.Wrapf("fee_allowance_msg_type_urls has %d entries, at most %d allowed",
			len(p.FeeAllowanceMsgTypeUrls), CeilingFeeAllowanceMsgTypeURLs)
	}
	seen := make(map[string]bool, len(p.FeeAllowanceMsgTypeUrls))
	for _, url := range p.FeeAllowanceMsgTypeUrls {
		if err := validateMsgTypeURL(url); err != nil {
			return ErrInvalidParams.Wrapf("fee_allowance_msg_type_urls: %s", err)
		}
		if seen[url] {
			return ErrInvalidParams.Wrapf("fee_allowance_msg_type_urls lists %q twice", url)
		}
		seen[url] = true
	}
	return nil
}

// SponsorsFees reports whether new members receive a fee allowance.
func (p Params) SponsorsFees() bool {
	return p.FeeAllowancePeriodLimit > 0
}

// validateMsgTypeURL accepts "/" followed by a proto full name.
func validateMsgTypeURL(url string) error {
	if len(url) < 2 || len(url) > CeilingMsgTypeURLLength || url[0] != '/' {
		return ErrInvalidParams.Wrapf("%q is not a Msg type URL of 2 to %d characters starting with /", url, CeilingMsgTypeURLLength)
	}
	for i := 1; i < len(url); i++ {
		c := url[i]
		if (c < 'a' || c > 'z') && (c < 'A' || c > 'Z') && (c < '0' || c > '9') && c != '.' && c != '_' {
			return ErrInvalidParams.Wrapf("%q holds %q; a Msg type URL is / and a proto full name", url, c)
		}
	}
	return nil
}
