package keeper

import (
	"context"

	communitytypes "github.com/kizuna-chain/kizuna/x/community/types"
	"github.com/kizuna-chain/kizuna/x/ledger/types"
)

// SetAccountLimits gives a member a credit limit or a maximum balance of its
// own, or returns it to the currency's. The new limits hold from the next
// Msg on; limits that the member's current debt or balance (decay counted)
// already break are refused, so no member is ever beyond its limits.
func (s msgServer) SetAccountLimits(ctx context.Context, msg *types.MsgSetAccountLimits) (*types.MsgSetAccountLimitsResponse, error) {
	admin, err := s.parseAddress("admin", msg.Admin)
	if err != nil {
		return nil, err
	}
	member, err := s.parseAddress("member", msg.Member)
	if err != nil {
		return nil, err
	}
	limits, err := msg.Validate()
	if err != nil {
		return nil, err
	}
	if err := s.requireRole(ctx, msg.CommunityId, admin, communitytypes.RoleAdmin); err != nil {
		return nil, err
	}
	currency, err := s.GetCurrency(ctx, msg.CommunityId)
	if err != nil {
		return nil, err
	}
	if limits.CreditLimit != nil && !currency.IssuancePolicy.AllowsCredit() {
		return nil, types.ErrCreditNotAllowed.Wrapf("%s has issuance policy %s", currency.Denom, currency.IssuancePolicy)
	}
	if _, err := s.communityKeeper.GetMember(ctx, msg.CommunityId, member); err != nil {
		return nil, types.ErrNotMember.Wrapf("%s in community %d: %s", msg.Member, msg.CommunityId, err)
	}
	p, err := s.position(ctx, currency, member)
	if err != nil {
		return nil, err
	}
	p.record = limits.Apply(p.record)
	limit, limitIsDefault := currency.CreditLimit(p.record)
	if p.debt().GT(limit) {
		return nil, types.ErrLimitBelowDebt.Wrapf("%s owes %s%s, more than a credit limit of %s", msg.Member, p.debt(), currency.Denom, limit)
	}
	maxBalance, maxIsDefault := currency.MaxBalanceOf(p.record)
	if maxBalance.IsPositive() && p.net().GT(maxBalance) {
		return nil, types.ErrMaxBelowBalance.Wrapf("%s holds %s%s, more than a maximum of %s", msg.Member, p.net(), currency.Denom, maxBalance)
	}
	// Settling burns the decay due and, on a decaying currency, starts the
	// decay time of an account the ledger had no record of: every record
	// of a decaying currency has one.
	if err := s.settle(ctx, currency, &p); err != nil {
		return nil, err
	}
	p.changed = true
	if err := s.saveAccount(ctx, &p); err != nil {
		return nil, err
	}
	if err := emit(ctx, &types.EventAccountLimitsSet{
		CommunityId:          msg.CommunityId,
		Admin:                s.formatAddress(admin),
		Member:               s.formatAddress(member),
		CreditLimit:          limit,
		CreditLimitIsDefault: limitIsDefault,
		MaxBalance:           maxBalance,
		MaxBalanceIsDefault:  maxIsDefault,
	}); err != nil {
		return nil, err
	}
	return &types.MsgSetAccountLimitsResponse{}, nil
}
