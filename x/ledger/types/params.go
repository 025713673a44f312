package types

import (
	sdk "github.com/cosmos/cosmos-sdk/types"
)

// Default params: the values a new chain starts with; governance changes
// them within the ceilings below (docs/architecture.md, Limits).
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
	DefaultFeeAllowancePeriodLimit   uint64 = 1_000_000   // 1 KIZ
	DefaultFeeBudgetPeriodLimit      uint64 = 100_000_000 // 100 KIZ
	DefaultSponsoredMaxGas           uint64 = 500_000
	DefaultSponsoredMaxFeePercent    uint32 = 150
	DefaultMaxPaymentRequestSeconds  uint64 = 30 * 24 * 60 * 60
	DefaultMaxOpenPaymentRequests    uint32 = 50
)

// DefaultFeeAllowanceMsgTypeURLs are the Msgs a community's fee account pays
// for: what active members do in the community, each naming it by its
// community_id. Left out: governance-only Msgs, MsgFundFeeAccount and
// MsgSetFeeSponsorship (an admin moving fee_denom anyway), and
// MsgJoinCommunity, whose signer is not yet a member.
func DefaultFeeAllowanceMsgTypeURLs() []string {
	return []string{
		"/kizuna.community.v1.MsgUpdateCommunity",
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
		"/kizuna.ledger.v1.MsgSetAccountLimits",
		"/kizuna.ledger.v1.MsgRequestPayment",
		"/kizuna.ledger.v1.MsgAcceptPaymentRequest",
		"/kizuna.ledger.v1.MsgRejectPaymentRequest",
		"/kizuna.ledger.v1.MsgCancelPaymentRequest",
		"/kizuna.ads.v1.MsgCreateAd",
		"/kizuna.ads.v1.MsgUpdateAd",
		"/kizuna.ads.v1.MsgCloseAd",
		"/kizuna.messaging.v1.MsgOpenAdThread",
		"/kizuna.messaging.v1.MsgOpenDirectThread",
		"/kizuna.messaging.v1.MsgCreateGroupThread",
		"/kizuna.messaging.v1.MsgUpdateGroupThread",
		"/kizuna.messaging.v1.MsgAcceptGroupInvite",
		"/kizuna.messaging.v1.MsgDeclineGroupInvite",
		"/kizuna.messaging.v1.MsgPostMessage",
		"/kizuna.messaging.v1.MsgMarkRead",
		"/kizuna.messaging.v1.MsgSetMessagingKey",
		"/kizuna.amplify.v1.MsgSubmitAmplify",
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
	CeilingFeeBudgetPeriodLimit      uint64 = 1_000_000_000_000_000_000 // 10^18 base units
	// CeilingSponsoredMaxGas is half the block gas limit Kizuna's genesis
	// sets: no sponsored transaction may ask for half a block.
	CeilingSponsoredMaxGas        uint64 = 100_000_000
	MinSponsoredMaxFeePercent     uint32 = 100
	CeilingSponsoredMaxFeePercent uint32 = 1000
	// CeilingMaxPaymentRequestSeconds is a year: a request is an invoice,
	// not a standing order.
	CeilingMaxPaymentRequestSeconds uint64 = 366 * 24 * 60 * 60
	CeilingMaxOpenPaymentRequests   uint32 = 10_000
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
		FeeBudgetPeriodLimit:      DefaultFeeBudgetPeriodLimit,
		SponsoredMaxGas:           DefaultSponsoredMaxGas,
		SponsoredMaxFeePercent:    DefaultSponsoredMaxFeePercent,
		MaxPaymentRequestSeconds:  DefaultMaxPaymentRequestSeconds,
		MaxOpenPaymentRequests:    DefaultMaxOpenPaymentRequests,
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
		{"fee_budget_period_limit", p.FeeBudgetPeriodLimit, 0, CeilingFeeBudgetPeriodLimit},
		{"sponsored_max_gas", p.SponsoredMaxGas, 1, CeilingSponsoredMaxGas},
		{"sponsored_max_fee_percent", uint64(p.SponsoredMaxFeePercent), uint64(MinSponsoredMaxFeePercent), uint64(CeilingSponsoredMaxFeePercent)},
		{"max_payment_request_seconds", p.MaxPaymentRequestSeconds, 1, CeilingMaxPaymentRequestSeconds},
		{"max_open_payment_requests", uint64(p.MaxOpenPaymentRequests), 1, uint64(CeilingMaxOpenPaymentRequests)},
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
	if len(p.FeeAllowanceMsgTypeUrls) == 0 {
		return ErrInvalidParams.Wrap("fee_allowance_msg_type_urls is empty; set fee_allowance_period_limit and fee_budget_period_limit to 0 to sponsor nothing")
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

// DefaultFeeSponsorship is the sponsorship of a community whose admins set
// none of their own.
func (p Params) DefaultFeeSponsorship(communityID uint64) FeeSponsorship {
	return FeeSponsorship{
		CommunityId:       communityID,
		MemberPeriodLimit: p.FeeAllowancePeriodLimit,
		BudgetPeriodLimit: p.FeeBudgetPeriodLimit,
	}
}

// SponsoredPeriod is the number of the sponsorship period that holds unix
// (block time in seconds; times before 1970 fall in period 0).
func (p Params) SponsoredPeriod(unix int64) uint64 {
	if unix < 0 || p.FeeAllowancePeriodSeconds == 0 {
		return 0
	}
	return uint64(unix) / p.FeeAllowancePeriodSeconds
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
