package types

import (
	sdkmath "cosmossdk.io/math"
)

// Validate checks the settings an admin gives a community's fee account.
func (s FeeSponsorship) Validate() error {
	if s.CommunityId == 0 {
		return ErrInvalidSponsorship.Wrap("community id must be positive")
	}
	if s.MemberPeriodLimit > CeilingFeeAllowancePeriodLimit {
		return ErrInvalidSponsorship.Wrapf("member_period_limit %d exceeds %d", s.MemberPeriodLimit, CeilingFeeAllowancePeriodLimit)
	}
	if s.BudgetPeriodLimit > CeilingFeeBudgetPeriodLimit {
		return ErrInvalidSponsorship.Wrapf("budget_period_limit %d exceeds %d", s.BudgetPeriodLimit, CeilingFeeBudgetPeriodLimit)
	}
	return nil
}

// SpentIn is what s records as spent in period: nothing when s is of an
// earlier period.
func (s SponsoredSpending) SpentIn(period uint64) sdkmath.Int {
	if s.Period != period || s.Spent.IsNil() {
		return sdkmath.ZeroInt()
	}
	return s.Spent
}
